/// One inconsistency the validator found in a catalogue item: which rule, where, and why.
public struct CatalogueIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// The item contradicts itself or the standard: it is not valid.
        case error
        /// Unusual and worth a look, but catalogues in use do it.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    /// A stable identifier for scripts (`online.fully_online_with_visits`).
    public let code: String
    public let severity: Severity
    /// Where in the item, in the JSON's terms (`materials[2].electronicLicence`).
    public let path: String
    /// What is wrong, in English, with the values involved.
    public let message: String
    /// The same, as an operator would name it in Chinese.
    public let chineseTerm: String

    public init(code: String, severity: Severity = .error, path: String, message: String, chineseTerm: String) {
        self.code = code
        self.severity = severity
        self.path = path
        self.message = message
        self.chineseTerm = chineseTerm
    }

    public var description: String { "\(severity.rawValue): \(path): \(message) (\(chineseTerm)) [\(code)]" }
}

/// What validating an item found.
public struct CatalogueReport: Sendable, Hashable, Codable {
    /// Every issue, errors first, in rule order.
    public let issues: [CatalogueIssue]

    public init(issues: [CatalogueIssue]) {
        self.issues = issues.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }
            .map(\.element)
    }

    public var errors: [CatalogueIssue] { issues.filter { $0.severity == .error } }
    public var warnings: [CatalogueIssue] { issues.filter { $0.severity == .warning } }

    /// Whether the item has no errors (warnings allowed).
    public var isValid: Bool { errors.isEmpty }

    /// The issues with code `code`.
    public func issues(withCode code: String) -> [CatalogueIssue] { issues.filter { $0.code == code } }
}
