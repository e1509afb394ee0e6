/// The person or organisation a login is for, as the identity platform knows them.
/// Only `kind`, the assurance level, methods and session reach a token by default; the
/// identifier and name are personal information and go in only when disclosure is asked for.
public struct Principal: Sendable, Equatable {
    public var kind: PrincipalKind
    /// Citizen ID (natural persons, civil servants) or unified social credit code (legal persons).
    public var identifier: String
    public var name: String?
    public var assuranceLevel: AssuranceLevel?
    public var authenticationMethods: [AuthenticationMethod]
    public var department: String?
    public var sessionID: String?

    public init(
        kind: PrincipalKind, identifier: String, name: String? = nil, assuranceLevel: AssuranceLevel? = nil,
        authenticationMethods: [AuthenticationMethod] = [], department: String? = nil, sessionID: String? = nil
    ) {
        self.kind = kind
        self.identifier = identifier
        self.name = name
        self.assuranceLevel = assuranceLevel
        self.authenticationMethods = authenticationMethods
        self.department = department
        self.sessionID = sessionID
    }
}

/// Personal claims an issuer may be asked to put into a token.
public enum Disclosure: String, Sendable, Hashable, CaseIterable {
    /// `holder_id`: the citizen ID or credit code.
    case identifier
    /// `name`.
    case name
}
