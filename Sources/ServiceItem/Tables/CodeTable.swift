/// A code table of GB/T 39046-2020 appendix A: each case is coded as in the standard
/// (its `rawValue`) and carries its Chinese name.
///
/// Tables encode to JSON as their codes (`"4"`, not `"county"`), so catalogue files
/// exchange with national systems without translation.
public protocol CodeTable: RawRepresentable<String>, CaseIterable, Sendable, Hashable, Codable {
    /// The name the standard gives the value (县级, 窗口办理).
    var chineseName: String { get }
}

extension CodeTable {
    /// The value coded `code`, or nil when the table has no such code.
    public init?(code: String) {
        self.init(rawValue: code)
    }

    /// The code the standard assigns (`rawValue`).
    public var code: String { rawValue }
}
