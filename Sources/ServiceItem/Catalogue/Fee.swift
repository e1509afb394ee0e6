/// 收费项目: what is charged, how much, and on what authority.
public struct Fee: Sendable, Hashable, Codable {
    /// 收费项目名称.
    public var name: String
    /// 收费标准.
    public var standard: String
    /// 收费依据.
    public var basis: String

    public init(name: String, standard: String, basis: String) {
        self.name = name
        self.standard = standard
        self.basis = basis
    }
}
