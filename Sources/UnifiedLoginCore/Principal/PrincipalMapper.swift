import CitizenID
import CreditCode
import Foundation
import UnifiedIdentity

/// Reads a principal out of a platform's answer as a profile's mapping says.
struct PrincipalMapper {
    let mapping: LoginProfile.PrincipalMapping

    func principal(from fields: [String: Any], subject: String?) throws(LoginError) -> PlatformPrincipal {
        let kindValue = Self.text(fields[mapping.kind.field])
        let identity: PlatformPrincipal.Identity
        if let kindValue, mapping.kind.naturalPerson.contains(kindValue) {
            guard let number = Self.text(fields[mapping.naturalPersonIdentifier]) else {
                throw .invalidPrincipal(reason: "no \(mapping.naturalPersonIdentifier) for a natural person")
            }
            do throws(CitizenIDError) {
                identity = .naturalPerson(try CitizenID(parsing: number))
            } catch {
                // A number that fails its check has no masked form: only its length is shown.
                throw .invalidPrincipal(
                    reason: "the citizen ID (\(number.count) characters) fails its check (\(error.code))")
            }
        } else if let kindValue, mapping.kind.legalPerson.contains(kindValue) {
            guard let number = Self.text(fields[mapping.legalPersonIdentifier]) else {
                throw .invalidPrincipal(reason: "no \(mapping.legalPersonIdentifier) for a legal person")
            }
            do throws(CreditCodeError) {
                identity = .legalPerson(try CreditCode(parsing: number))
            } catch {
                throw .invalidPrincipal(
                    reason: "the credit code (\(number.count) characters) fails its check (\(error.code))")
            }
        } else {
            throw .invalidPrincipal(
                reason:
                    "\(mapping.kind.field) is \(kindValue.map { "\"\($0)\"" } ?? "missing"), not a known principal kind"
            )
        }
        let userID = mapping.userID.flatMap { Self.text(fields[$0]) }
        guard let subject = subject ?? userID else { throw .invalidPrincipal(reason: "no subject or user id") }
        var level: AssuranceLevel?
        if let field = mapping.assuranceLevel, let value = Self.text(fields[field]) {
            level = AssuranceLevel(claimValue: value) ?? Int(value).flatMap(AssuranceLevel.init(rawValue:))
        }
        var methods: [AuthenticationMethod] = []
        if let field = mapping.authenticationMethods, let list = fields[field] as? [Any] {
            methods = list.compactMap { ($0 as? String).map(AuthenticationMethod.init(rawValue:)) }
        }
        return PlatformPrincipal(
            identity: identity, subject: subject, platformUserID: userID,
            name: mapping.name.flatMap { Self.text(fields[$0]) }, assuranceLevel: level, authenticationMethods: methods)
    }

    static func text(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    /// ID token claims as plain JSON values, for the same mapping.
    static func fields(_ claims: IdentityClaims) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(claims.jsonString.utf8)) as? [String: Any]) ?? [:]
    }
}
