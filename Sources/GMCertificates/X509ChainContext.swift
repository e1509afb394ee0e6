import Foundation
import GMCrypto
import ZhengwuKitCore

/// What an X.509 chain policy judges: a chain whose every signature ``X509Verifier`` has
/// proven, from the leaf to a trusted root, and the time the chain is verified at.
///
/// ```swift
/// struct OnlyProvincialCAs: X509ChainPolicy {
///     func check(_ context: X509ChainContext) -> X509VerificationFailure? {
///         let issuer = context.chain[1]
///         return issuer.subject.description.contains("省") ? nil
///             : context.failure(.policy(.init(code: "dept.issuer", message: "not a provincial CA", chineseTerm: "签发者不符")), depth: 1)
///     }
/// }
/// ```
public struct X509ChainContext: Sendable {
    /// Leaf first, trusted root last; never empty.
    public let chain: [X509Certificate]
    /// The time the chain is verified at (a seal's signing time, or now).
    public let time: Date
    /// Every critical extension (dotted OID) some policy of the verifier processes, which
    /// ``X509CriticalExtensionsPolicy`` therefore lets through (RFC 5280 §4.2).
    public let understoodCriticalExtensions: Set<String>

    public init(chain: [X509Certificate], time: Date, understoodCriticalExtensions: Set<String> = []) {
        self.chain = chain
        self.time = time
        self.understoodCriticalExtensions = understoodCriticalExtensions
    }

    /// The end-entity certificate (the first of the chain).
    public var leaf: X509Certificate? { chain.first }

    /// A failure about the certificate at `depth` (0 for the leaf).
    public func failure(_ reason: X509VerificationFailure.Reason, depth: Int) -> X509VerificationFailure {
        X509VerificationFailure(reason: reason, certificate: chain[min(max(depth, 0), chain.count - 1)], depth: depth)
    }
}

/// A chain policy that names the failing certificate: the shape of GMCertificates' own
/// policies, and of any caller's that wants ``X509VerificationFailure``'s certificate and
/// depth in the answer. A plain `VerificationPolicy<X509ChainContext>` works too; its
/// failure reaches the caller as ``X509VerificationFailure/Reason/policy(_:)`` on the leaf.
public protocol X509ChainPolicy: VerificationPolicy where Subject == X509ChainContext {
    /// Why the chain fails the policy, with the certificate at fault, or `nil` when it meets it.
    func check(_ context: X509ChainContext) -> X509VerificationFailure?
}

extension X509ChainPolicy {
    public func evaluate(_ context: X509ChainContext) -> PolicyResult {
        guard let failure = check(context) else { return .meetsPolicy }
        return .failsToMeetPolicy(PolicyFailure(failure))
    }
}

extension VerificationPolicy where Subject == X509ChainContext {
    /// The policy's answer with the certificate at fault: its own, for an ``X509ChainPolicy``;
    /// the leaf, for any other.
    func typedFailure(_ context: X509ChainContext) -> X509VerificationFailure? {
        if let chainPolicy = self as? any X509ChainPolicy {
            return chainPolicy.check(context)
        }
        switch evaluate(context) {
        case .meetsPolicy: return nil
        case .failsToMeetPolicy(let failure): return context.failure(.policy(failure), depth: 0)
        }
    }
}
