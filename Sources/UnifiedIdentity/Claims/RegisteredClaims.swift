import Foundation

/// One typed claim, in the manner of jwt-kit: a value with its JSON form, for a department to
/// compose into its own `Codable` claims struct (`var exp: ExpirationClaim`). Each decodes
/// with the same rules the verifier applies, whichever decoder reads it.
public protocol TokenClaim: Codable, Sendable, Hashable {
    associatedtype Value: Sendable, Hashable
    var value: Value { get set }
    init(value: Value)
}

/// A claim whose value is a string (`iss`, `sub`, `jti`).
public protocol StringTokenClaim: TokenClaim, ExpressibleByStringLiteral where Value == String {}

extension StringTokenClaim {
    public init(stringLiteral value: String) { self.init(value: value) }

    public init(from decoder: any Decoder) throws {
        self.init(value: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// `iss` (RFC 7519 §4.1.1): who issued the token.
public struct IssuerClaim: StringTokenClaim {
    public var value: String
    public init(value: String) { self.value = value }
}

/// `sub` (RFC 7519 §4.1.2): whom the token is about (a pairwise identifier by default here).
public struct SubjectClaim: StringTokenClaim {
    public var value: String
    public init(value: String) { self.value = value }
}

/// `jti` (RFC 7519 §4.1.7): the token's unique identifier, which revocation and replay key on.
public struct TokenIDClaim: StringTokenClaim {
    public var value: String
    public init(value: String) { self.value = value }
}

/// A claim whose value is a NumericDate (RFC 7519 §2): seconds since 1970, written as a whole
/// number, read from any finite number below 10¹¹ (year 5138), so no value overflows a `Date`.
public protocol DateTokenClaim: TokenClaim where Value == Date {}

extension DateTokenClaim {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let seconds = try? container.decode(Double.self) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: NumericDate.notANumber)
        }
        guard let date = NumericDate.date(seconds) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: NumericDate.outOfRange)
        }
        self.init(value: date)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        guard let seconds = NumericDate.seconds(value) else {
            throw EncodingError.invalidValue(
                value,
                .init(
                    codingPath: encoder.codingPath,
                    debugDescription: "not a NumericDate (before 1970 − 10¹¹ s or after 1970 + 10¹¹ s, or not finite)"))
        }
        try container.encode(seconds)
    }
}

/// `exp` (RFC 7519 §4.1.4): the token is refused from this time on (`TimeValidity`).
public struct ExpirationClaim: DateTokenClaim {
    public var value: Date
    public init(value: Date) { self.value = value }
}

/// `nbf` (RFC 7519 §4.1.5): the token is refused before this time (`TimeValidity`).
public struct NotBeforeClaim: DateTokenClaim {
    public var value: Date
    public init(value: Date) { self.value = value }
}

/// `iat` (RFC 7519 §4.1.6): when the token was issued.
public struct IssuedAtClaim: DateTokenClaim {
    public var value: Date
    public init(value: Date) { self.value = value }
}

/// NumericDate (RFC 7519 §2) both ways, one rule for every reader and writer.
enum NumericDate {
    /// Why a value that is not a number is no NumericDate.
    static let notANumber = "must be a NumericDate (a number of seconds since 1970)"
    /// Why a number is no NumericDate: said as such, since "must be a NumericDate" misleads
    /// about a value that is one by RFC 7519 but stands for no date this library handles.
    static let outOfRange =
        "is a number of seconds outside the supported range (±10¹¹ s around 1970, about years −1199 to 5138)"

    /// The reason `value` (a member's JSON value) is no NumericDate.
    static func reason(for value: Double?) -> String { value == nil ? notANumber : outOfRange }

    /// The date `seconds` since 1970 stands for, or nil when it is not a usable NumericDate.
    static func date(_ seconds: Double) -> Date? {
        guard seconds.isFinite, abs(seconds) < 1e11 else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    /// Whole seconds, rounded down, as tokens carry them; nil for a date no NumericDate holds.
    static func seconds(_ date: Date) -> Int64? {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite, abs(seconds) < 1e11 else { return nil }
        return Int64(seconds)
    }
}
