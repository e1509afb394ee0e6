/// 设定依据: a law, regulation or rule that sets the item, down to the article.
public struct LegalBasis: Sendable, Hashable, Codable {
    /// 法律法规名称, for example 《中华人民共和国行政许可法》.
    public var name: String
    /// 文号, when the instrument has one (国务院令第 412 号).
    public var documentNumber: String?
    /// 条款号 (第十二条).
    public var article: String?
    /// 条款内容.
    public var text: String?

    public init(name: String, documentNumber: String? = nil, article: String? = nil, text: String? = nil) {
        self.name = name
        self.documentNumber = documentNumber
        self.article = article
        self.text = text
    }
}
