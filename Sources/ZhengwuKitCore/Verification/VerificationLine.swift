/// One line of a verification report, as the verdict sees it.
public protocol VerificationLine {
    var role: CheckRole { get }
    var outcome: CheckOutcome { get }
    /// Whether the verdict needs this line to have passed. Optional lines (a time stamp with
    /// no time-stamp verifier configured, say) inform without deciding.
    var isRequired: Bool { get }
}

/// A report line: which check, its role, its outcome and why, in words.
///
/// `Check` is the module's own enumeration of checks (`SealCheck`, …), which gives each line a
/// stable name and the standard's Chinese term.
public struct CheckResult<Check: VerificationCheck>: VerificationLine, Sendable, Hashable, Codable,
    CustomStringConvertible
{
    public let check: Check
    /// The check's name; for a policy line, the policy's own name.
    public let name: String
    public let role: CheckRole
    public let outcome: CheckOutcome
    public let isRequired: Bool
    /// Why it passed, failed or was not checked, in English.
    public let detail: String

    public init(
        _ check: Check, _ outcome: CheckOutcome, _ detail: String, name: String? = nil, role: CheckRole? = nil,
        isRequired: Bool = true
    ) {
        self.check = check
        self.name = name ?? check.name
        self.role = role ?? check.role
        self.outcome = outcome
        self.isRequired = isRequired
        self.detail = detail
    }

    public var description: String {
        let label = outcome.rawValue + String(repeating: " ", count: max(0, 12 - outcome.rawValue.count))
        return "\(label)\(name) \(check.chineseTerm): \(detail)"
    }
}

/// A module's enumeration of the checks its verifier performs.
public protocol VerificationCheck: Hashable, Sendable, Codable {
    /// A stable name for reports and JSON (`makerSignature`).
    var name: String { get }
    /// The standard's Chinese term (制章人签名).
    var chineseTerm: String { get }
    /// Whether the check bears on integrity, trust or a caller's policy.
    var role: CheckRole { get }
}

extension VerificationCheck where Self: RawRepresentable, RawValue == String {
    public var name: String { rawValue }
}

/// A departure from the standard the verifier tolerated, reported beside the verdict: real
/// files from national platforms carry some of their makers' own making. A strict policy can
/// turn a warning into a failure.
public struct VerificationWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A stable code in the error-code style (`eseal.seal_made_before_maker_certificate`).
    public let code: String
    /// What departs, where, in English.
    public let message: String
    public let chineseTerm: String

    public init(code: String, message: String, chineseTerm: String) {
        self.code = code
        self.message = message
        self.chineseTerm = chineseTerm
    }

    public var description: String { "\(message) (\(chineseTerm))" }
}
