/// The real-name assurance level (实名认证等级) of the login, carried in `acr` as `"L1"`…`"L4"`.
///
/// Provincial platforms grade real-name checks in four steps; the numbers order them so a
/// policy can require "at least L3".
public enum AssuranceLevel: Int, Sendable, Hashable, CaseIterable, Comparable {
    /// Registered, identity not checked (注册用户).
    case registered = 1
    /// Name and ID number checked against the population register (实名核验).
    case verifiedIdentity = 2
    /// Checked by a second factor bound to the person: bank card, mobile operator (强实名).
    case strongVerification = 3
    /// Checked in person, by face against the register or a certificate on a hardware key (实人认证).
    case inPerson = 4

    /// The `acr` value: `"L1"` … `"L4"`.
    public var claimValue: String { "L\(rawValue)" }

    public init?(claimValue: String) {
        switch claimValue {
        case "L1": self = .registered
        case "L2": self = .verifiedIdentity
        case "L3": self = .strongVerification
        case "L4": self = .inPerson
        default: return nil
        }
    }

    public static func < (lhs: AssuranceLevel, rhs: AssuranceLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension AssuranceLevel: Codable {
    /// Reads the `acr` value (`"L1"` … `"L4"`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let level = AssuranceLevel(claimValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown assurance level \"\(text)\"; expected L1 to L4")
        }
        self = level
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(claimValue)
    }
}
