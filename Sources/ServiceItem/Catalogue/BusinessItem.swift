/// 业务办理项: one way of handling an item (an individual's application, a company's).
public struct BusinessItem: Sendable, Hashable, Codable {
    /// 业务办理项编码.
    public var code: BusinessItemCode
    /// 业务办理项名称.
    public var name: String

    public init(code: BusinessItemCode, name: String) {
        self.code = code
        self.name = name
    }
}
