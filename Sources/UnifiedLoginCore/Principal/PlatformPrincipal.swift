import CitizenID
import CreditCode
import UnifiedIdentity

/// Who signed in, as the platform vouched for them, with the identity number checked against
/// its standard. Printing it (logs, errors) masks the number.
public struct PlatformPrincipal: Sendable, Equatable, CustomStringConvertible {
    public enum Identity: Sendable, Equatable {
        /// 自然人, keyed by citizen ID.
        case naturalPerson(CitizenID)
        /// 法人, keyed by unified social credit code.
        case legalPerson(CreditCode)
    }

    public var identity: Identity
    /// The platform's subject for this client (pairwise under OpenID Connect) or its user id.
    public var subject: String
    /// The platform's own account id, when it gives one.
    public var platformUserID: String?
    public var name: String?
    public var assuranceLevel: AssuranceLevel?
    public var authenticationMethods: [AuthenticationMethod]

    public init(
        identity: Identity, subject: String, platformUserID: String? = nil, name: String? = nil,
        assuranceLevel: AssuranceLevel? = nil, authenticationMethods: [AuthenticationMethod] = []
    ) {
        self.identity = identity
        self.subject = subject
        self.platformUserID = platformUserID
        self.name = name
        self.assuranceLevel = assuranceLevel
        self.authenticationMethods = authenticationMethods
    }

    public var kind: PrincipalKind {
        switch identity {
        case .naturalPerson: return .naturalPerson
        case .legalPerson: return .legalPerson
        }
    }

    /// The full identity number (personal information: do not log it).
    public var identifier: String {
        switch identity {
        case .naturalPerson(let id): return id.compactForm
        case .legalPerson(let code): return code.compactForm
        }
    }

    /// The number as logs may show it: the code's own masked form (a citizen ID keeps its
    /// first three and last four characters; a credit code is not personal and shows whole).
    public var maskedIdentifier: String {
        switch identity {
        case .naturalPerson(let id): return id.masked
        case .legalPerson(let code): return code.masked
        }
    }

    public var description: String {
        "\(kind.chineseTerm) \(maskedIdentifier)" + (assuranceLevel.map { " \($0.claimValue)" } ?? "")
            + " (sub \(subject))"
    }

    /// As `UnifiedIdentity` issues tokens for it.
    public var unifiedIdentityPrincipal: Principal {
        Principal(
            kind: kind, identifier: identifier, name: name, assuranceLevel: assuranceLevel,
            authenticationMethods: authenticationMethods)
    }

}
