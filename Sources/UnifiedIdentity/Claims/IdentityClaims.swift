import Foundation

/// The ready-made payload of a unified identity token: RFC 7519's registered claims and the
/// e-government ones, as typed values. Members this type does not know are kept in
/// `additional`, so nothing a token carries is lost; a department that wants its own members
/// typed declares its own `Codable` struct from the pieces (`IssuerClaim`, `Audience`,
/// `ExpirationClaim`, `AssuranceLevel`, …) and verifies with `verify(_:as:)`.
///
/// Claim names beyond RFC 7519: `principal` (principal kind), `holder_id` (citizen ID or
/// credit code, only when disclosed), `name`, `acr` (assurance level `L1`…`L4`), `amr`
/// (RFC 8176), `dept` (department), `sid` (session id, as in OpenID Connect), and for
/// exchanged tokens `act` (RFC 8693 §4.1) and `orig_jti` (the token exchanged from).
public struct IdentityClaims: Sendable, Equatable, Codable {
    public var issuer: String?
    public var subject: String?
    public var audience: Audience?
    public var expiresAt: Date?
    public var notBefore: Date?
    public var issuedAt: Date?
    public var tokenID: String?

    public var principalKind: PrincipalKind?
    /// The holder's citizen ID (natural persons, civil servants) or USCC (legal persons).
    /// Personal information: present only when the issuer was asked to disclose it.
    public var holderIdentifier: String?
    public var name: String?
    public var assuranceLevel: AssuranceLevel?
    public var authenticationMethods: [AuthenticationMethod]
    public var department: String?
    public var sessionID: String?

    /// For a department session: the `jti` of the token it was exchanged from.
    public var originalTokenID: String?
    /// For a department session: who asked for the exchange (`act.sub`, RFC 8693 §4.1).
    public var actor: String?

    /// Every other member, untouched.
    public var additional: [String: JSONValue]

    public init(
        issuer: String? = nil,
        subject: String? = nil,
        audience: Audience? = nil,
        expiresAt: Date? = nil,
        notBefore: Date? = nil,
        issuedAt: Date? = nil,
        tokenID: String? = nil,
        principalKind: PrincipalKind? = nil,
        holderIdentifier: String? = nil,
        name: String? = nil,
        assuranceLevel: AssuranceLevel? = nil,
        authenticationMethods: [AuthenticationMethod] = [],
        department: String? = nil,
        sessionID: String? = nil,
        originalTokenID: String? = nil,
        actor: String? = nil,
        additional: [String: JSONValue] = [:]
    ) {
        self.issuer = issuer
        self.subject = subject
        self.audience = audience
        self.expiresAt = expiresAt
        self.notBefore = notBefore
        self.issuedAt = issuedAt
        self.tokenID = tokenID
        self.principalKind = principalKind
        self.holderIdentifier = holderIdentifier
        self.name = name
        self.assuranceLevel = assuranceLevel
        self.authenticationMethods = authenticationMethods
        self.department = department
        self.sessionID = sessionID
        self.originalTokenID = originalTokenID
        self.actor = actor
        self.additional = additional
    }
}

extension IdentityClaims: JSONMemberReading {
    /// Reads the claims from a payload object. Types are checked; values beyond their type
    /// (times, audiences, identifiers) are judged by the verifier's rules.
    public init(json: JSONValue) throws(TokenError) {
        guard let members = json.objectValue else {
            throw .invalidJSON(.payload, reason: "the claims set must be a JSON object")
        }
        try self.init(members: members)
    }

    /// Reads the claims from a dictionary's members.
    init<Members: Sequence<(key: String, value: JSONValue)>>(members: Members) throws(TokenError) {
        self.init()
        for (name, value) in members { try read(value, named: .text(name)) }
    }

    /// Sets the claim `name` from its JSON value (a payload's members are read one at a time,
    /// in order, as `JSONReader.visitObject` hands them over).
    mutating func read(_ value: JSONValue, named name: JSONMemberName) throws(TokenError) {
        switch name {
        case "iss": issuer = try Self.string(value, name)
        case "sub": subject = try Self.string(value, name)
        case "aud": audience = try Audience(json: value)
        case "exp": expiresAt = try Self.date(value, name)
        case "nbf": notBefore = try Self.date(value, name)
        case "iat": issuedAt = try Self.date(value, name)
        case "jti": tokenID = try Self.string(value, name)
        case "principal":
            let kind = try Self.string(value, name)
            guard let parsed = PrincipalKind(rawValue: kind) else {
                throw .invalidClaim(name.string, reason: "unknown principal kind \"\(kind)\"")
            }
            principalKind = parsed
        case "holder_id": holderIdentifier = try Self.string(value, name)
        case "name": self.name = try Self.string(value, name)
        case "acr":
            let level = try Self.string(value, name)
            guard let parsed = AssuranceLevel(claimValue: level) else {
                throw .invalidClaim(name.string, reason: "unknown assurance level \"\(level)\"; expected L1 to L4")
            }
            assuranceLevel = parsed
        case "amr":
            guard let list = value.arrayValue else { throw .invalidClaim(name.string, reason: "must be an array") }
            authenticationMethods.reserveCapacity(list.count)
            for method in list {
                guard let text = method.stringValue else {
                    throw .invalidClaim(name.string, reason: "holds a non-string")
                }
                authenticationMethods.append(AuthenticationMethod(rawValue: text))
            }
        case "dept": department = try Self.string(value, name)
        case "sid": sessionID = try Self.string(value, name)
        case "orig_jti": originalTokenID = try Self.string(value, name)
        case "act":
            guard let actorSubject = value["sub"]?.stringValue else {
                throw .invalidClaim(name.string, reason: "must be an object with a string \"sub\"")
            }
            actor = actorSubject
        default: additional[name.string] = value
        }
    }

    private static func string(_ value: JSONValue, _ name: JSONMemberName) throws(TokenError) -> String {
        guard case .string(let text) = value else { throw .invalidClaim(name.string, reason: "must be a string") }
        return text
    }

    private static func date(_ value: JSONValue, _ name: JSONMemberName) throws(TokenError) -> Date {
        guard let seconds = value.numberValue, let date = NumericDate.date(seconds) else {
            throw .invalidClaim(name.string, reason: NumericDate.reason(for: value.numberValue))
        }
        return date
    }

    /// Reads claims from JSON text (a JWT claims set).
    public init(jsonString: String, limits: TokenLimits = .standard) throws(TokenError) {
        let json: JSONValue
        do {
            json = try JSONReader.parse(Array(jsonString.utf8), maximumDepth: limits.maximumJSONDepth)
        } catch {
            throw .invalidJSON(.payload, reason: error.description)
        }
        try self.init(json: json)
    }

    /// The claims as compact JSON text, members sorted.
    public var jsonString: String { JSONWriter.string(jsonValue) }

    /// The claims as a JSON object (NumericDates as whole seconds).
    public var jsonValue: JSONValue {
        var members = additional
        func set(_ name: String, _ value: String?) {
            if let value { members[name] = .string(value) }
        }
        func set(_ name: String, _ date: Date?) {
            // A date no NumericDate holds (not finite, beyond 10¹¹ s) is left out, never a trap.
            if let date, let seconds = NumericDate.seconds(date) { members[name] = .integer(seconds) }
        }
        set("iss", issuer)
        set("sub", subject)
        if let audience { members["aud"] = audience.jsonValue }
        set("exp", expiresAt)
        set("nbf", notBefore)
        set("iat", issuedAt)
        set("jti", tokenID)
        set("principal", principalKind?.rawValue)
        set("holder_id", holderIdentifier)
        set("name", name)
        set("acr", assuranceLevel?.claimValue)
        if !authenticationMethods.isEmpty {
            members["amr"] = .array(authenticationMethods.map { .string($0.rawValue) })
        }
        set("dept", department)
        set("sid", sessionID)
        set("orig_jti", originalTokenID)
        if let actor { members["act"] = .object(["sub": .string(actor)]) }
        return .object(members)
    }
}

extension IdentityClaims {
    /// Reads the claims with the same rules as a token's payload, from any decoder.
    public init(from decoder: any Decoder) throws {
        let json = try JSONValue(from: decoder)
        do {
            try self.init(json: json)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonValue.encode(to: encoder)
    }
}
