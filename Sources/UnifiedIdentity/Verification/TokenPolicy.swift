import Foundation
import ZhengwuKitCore

/// What a token policy looks at: a token whose signature verified, and the time it is judged at.
///
/// Token policies take the house shape, `VerificationPolicy<TokenPolicyContext>`, composed with
/// `@PolicyBuilder<TokenPolicyContext>`: synchronous, each answering `.meetsPolicy` or
/// `.failsToMeetPolicy(PolicyFailure)`. Checks that need an asynchronous store (revocation,
/// replay) are not policies but `TokenVerificationStage`s on the verifier.
public struct TokenPolicyContext: Sendable {
    public let token: VerifiedToken
    /// The verifier's "now".
    public let verificationTime: Date

    public init(token: VerifiedToken, verificationTime: Date) {
        self.token = token
        self.verificationTime = verificationTime
    }

    /// The claims the verifier read (the registered and e-government ones, the rest in `additional`).
    public var claims: IdentityClaims { _read { yield token.claims } }
    public var header: JOSEHeader { token.header }

    /// The payload decoded as a caller's own claims type, for a department's policy on its own members.
    public func claims<Claims: Decodable>(as type: Claims.Type) throws(TokenError) -> Claims {
        try token.claims(as: type)
    }
}

/// A built-in token policy: says which `TokenError` a token breaks, so the verifier throws the
/// precise case (`.expired(…)`) rather than a generic policy failure.
protocol TokenRule: VerificationPolicy where Subject == TokenPolicyContext {
    func violation(_ context: TokenPolicyContext) -> TokenError?
}

extension TokenRule {
    func result(_ context: TokenPolicyContext) -> PolicyResult {
        guard let error = violation(context) else { return .meetsPolicy }
        return .failsToMeetPolicy(PolicyFailure(error))
    }
}
