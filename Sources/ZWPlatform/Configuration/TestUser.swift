import CitizenID
import CreditCode
import Foundation
import UnifiedIdentity

/// A person or organisation a tester can sign in as.
public struct TestUser: Sendable, Codable, Equatable {
    public var id: String
    /// `natural_person`, `legal_person` or `civil_servant`.
    public var kind: String
    public var name: String
    /// Citizen ID (natural persons, civil servants) or unified social credit code (legal persons).
    public var identifier: String
    /// 1…4 (`L1`…`L4`).
    public var assuranceLevel: Int
    public var authenticationMethods: [String]
    public var mail: String?
    public var telephone: String?
    /// `1` male, `2` female (GB/T 2261.1), as the Guangdong answer carries it.
    public var sex: String?

    public init(
        id: String, kind: String, name: String, identifier: String, assuranceLevel: Int = 2,
        authenticationMethods: [String] = ["pwd"], mail: String? = nil, telephone: String? = nil, sex: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.identifier = identifier
        self.assuranceLevel = assuranceLevel
        self.authenticationMethods = authenticationMethods
        self.mail = mail
        self.telephone = telephone
        self.sex = sex
    }

    /// The user as the token issuer sees them; the identifier must pass its standard's check.
    public func principal(sessionID: String? = nil) throws -> Principal {
        guard let kind = PrincipalKind(rawValue: kind) else {
            throw PlatformConfigurationError.invalidUser(id: id, reason: "unknown kind \"\(self.kind)\"")
        }
        switch kind {
        case .naturalPerson, .civilServant: _ = try CitizenID(parsing: identifier)
        case .legalPerson: _ = try CreditCode(parsing: identifier)
        }
        guard let level = AssuranceLevel(rawValue: assuranceLevel) else {
            throw PlatformConfigurationError.invalidUser(id: id, reason: "assurance level must be 1 to 4")
        }
        return Principal(
            kind: kind, identifier: identifier, name: name, assuranceLevel: level,
            authenticationMethods: authenticationMethods.map { AuthenticationMethod(rawValue: $0) },
            sessionID: sessionID)
    }

    /// The identifier as logs and the login page show it: the code's own masked form
    /// (`CitizenID.masked` for a person; a credit code is not personal and shows whole). A
    /// number that fails its check (refused by `PlatformConfiguration.validate()`) shows none.
    public var maskedIdentifier: String {
        switch PrincipalKind(rawValue: kind) {
        case .naturalPerson, .civilServant:
            return (try? CitizenID(parsing: identifier))?.masked ?? String(repeating: "*", count: identifier.count)
        case .legalPerson:
            return (try? CreditCode(parsing: identifier))?.masked ?? String(repeating: "*", count: identifier.count)
        case nil:
            return String(repeating: "*", count: identifier.count)
        }
    }
}
