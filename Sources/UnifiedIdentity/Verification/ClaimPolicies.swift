import Foundation
import ZhengwuKitCore

/// `iss` must be one of these issuers.
public struct IssuerAllowList: VerificationPolicy, TokenRule {
    public var issuers: Set<String>
    public init(_ issuers: Set<String>) { self.issuers = issuers }

    public func evaluate(_ context: TokenPolicyContext) -> PolicyResult { result(context) }

    func violation(_ context: TokenPolicyContext) -> TokenError? {
        guard let issuer = context.claims.issuer, issuers.contains(issuer) else {
            return .issuerNotAllowed(context.claims.issuer)
        }
        return nil
    }
}

/// `aud` must name this audience (RFC 7519 §4.1.3: a token without `aud` is refused here).
public struct AudienceRequirement: VerificationPolicy, TokenRule {
    public var audience: String
    public init(_ audience: String) { self.audience = audience }

    public func evaluate(_ context: TokenPolicyContext) -> PolicyResult { result(context) }

    func violation(_ context: TokenPolicyContext) -> TokenError? {
        guard let found = context.claims.audience else { return .missingClaim("aud") }
        guard found.contains(audience) else { return .audienceMismatch(expected: audience, found: found.values) }
        return nil
    }
}

/// The real-name assurance level (`acr`) must be at least this.
public struct MinimumAssurance: VerificationPolicy, TokenRule {
    public var level: AssuranceLevel
    public init(_ level: AssuranceLevel) { self.level = level }

    public func evaluate(_ context: TokenPolicyContext) -> PolicyResult { result(context) }

    func violation(_ context: TokenPolicyContext) -> TokenError? {
        guard let found = context.claims.assuranceLevel, found >= level else {
            return .insufficientAssurance(required: level, found: context.claims.assuranceLevel)
        }
        return nil
    }
}

/// The principal kind must be one of these.
public struct AllowedPrincipalKinds: VerificationPolicy, TokenRule {
    public var kinds: Set<PrincipalKind>
    public init(_ kinds: Set<PrincipalKind>) { self.kinds = kinds }

    public func evaluate(_ context: TokenPolicyContext) -> PolicyResult { result(context) }

    func violation(_ context: TokenPolicyContext) -> TokenError? {
        guard let kind = context.claims.principalKind, kinds.contains(kind) else {
            return .principalKindNotAllowed(found: context.claims.principalKind)
        }
        return nil
    }
}

/// These claims must be present (by name, any value).
public struct RequiredClaims: VerificationPolicy, TokenRule {
    public var names: [String]
    public init(_ names: [String]) { self.names = names }

    public func evaluate(_ context: TokenPolicyContext) -> PolicyResult { result(context) }

    func violation(_ context: TokenPolicyContext) -> TokenError? {
        let present = context.claims.jsonValue.objectValue ?? [:]
        return names.first { present[$0] == nil }.map { .missingClaim($0) }
    }
}

/// `holder_id` must pass its standard's check when a token carries one: a citizen ID
/// (GB 11643) for natural persons and civil servants, a unified social credit code (GB 32100)
/// for legal persons; a holder identifier without a principal kind cannot be checked and is
/// refused. One of `TokenVerifier`'s default policies: listed in `verifier.policies`, left out
/// with `TokenVerifier(…, holderIdentifiers: nil)`.
public struct HolderIdentifierRule: VerificationPolicy, TokenRule {
    public init() {}

    public func evaluate(_ context: TokenPolicyContext) -> PolicyResult { result(context) }

    func violation(_ context: TokenPolicyContext) -> TokenError? {
        do {
            try HolderIdentifierRules.check(context.claims)
            return nil
        } catch {
            return error
        }
    }
}
