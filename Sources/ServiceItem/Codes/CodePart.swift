/// One named part of a code, with where it sits and what it means.
///
/// `zwkit item parse` prints these, and every code type lists its parts in order, so a
/// reader can line the code up against the standard character by character.
public struct CodePart: Sendable, Hashable, Codable {
    /// A stable key for scripts (`itemType`, `level`, `bodyCode`).
    public let key: String
    /// The English name of the part.
    public let name: String
    /// The part's name in the standard (事项类型, 行使层级).
    public let chineseName: String
    /// The characters of the part as they appear in the code.
    public let value: String
    /// What the value stands for (行政许可, 县级), when the part is coded.
    public let meaning: String?
    /// 1-based positions of the part within the whole code.
    public let positions: ClosedRange<Int>

    public init(
        key: String, name: String, chineseName: String, value: String, meaning: String? = nil,
        positions: ClosedRange<Int>
    ) {
        self.key = key
        self.name = name
        self.chineseName = chineseName
        self.value = value
        self.meaning = meaning
        self.positions = positions
    }

    /// The same part, moved right by `offset` characters (for parts of an embedded code).
    func shifted(by offset: Int) -> CodePart {
        CodePart(
            key: key, name: name, chineseName: chineseName, value: value, meaning: meaning,
            positions: (positions.lowerBound + offset)...(positions.upperBound + offset))
    }
}
