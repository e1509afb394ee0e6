/// How the principal authenticated (claim `amr`, RFC 8176 values where one exists).
public struct AuthenticationMethod: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Password (RFC 8176 `pwd`).
    public static let password: AuthenticationMethod = "pwd"
    /// One-time code by SMS (RFC 8176 `sms`).
    public static let sms: AuthenticationMethod = "sms"
    /// Facial recognition against the register (RFC 8176 `face`).
    public static let face: AuthenticationMethod = "face"
    /// A certificate on a hardware key such as a UKey (RFC 8176 `hwk`).
    public static let hardwareKey: AuthenticationMethod = "hwk"
    /// Several factors (RFC 8176 `mfa`).
    public static let multipleFactors: AuthenticationMethod = "mfa"
    /// The national network identity credential (网络身份认证 / CTID); not in RFC 8176.
    public static let electronicIdentity: AuthenticationMethod = "ctid"
}

extension AuthenticationMethod: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
