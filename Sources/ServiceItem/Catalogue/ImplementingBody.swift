/// 实施主体: the body that implements the item.
public struct ImplementingBody: Sendable, Hashable, Codable {
    /// 实施主体名称.
    public var name: String
    /// 实施主体编码: normally its unified social credit code, as positions 1–18 of the
    /// implementation code.
    public var code: String
    /// 实施主体性质.
    public var nature: BodyNature

    public init(name: String, code: String, nature: BodyNature) {
        self.name = name
        self.code = code
        self.nature = nature
    }
}
