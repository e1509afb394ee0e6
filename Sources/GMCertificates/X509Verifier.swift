import Foundation
import GMCrypto
import ZhengwuKitCore

/// Verifies a certificate chain from a leaf through intermediates to caller-supplied
/// trusted roots, at a given time.
///
/// ```swift
/// let verifier = X509Verifier(trustRoots: [root]) {
///     X509RevocationPolicy.notRevoked(by: [rootList])   // beside the standard policies
/// }
/// switch verifier.verify(leaf, intermediates: [intermediate], at: Date()) {
/// case .valid(let chain): print("trusted through \(chain.count) certificates")
/// case .invalid(let failure): print(failure)  // expired at …, depth 0, subject CN=…
/// }
/// ```
///
/// The verifier builds candidate chains itself, linking each certificate to a candidate
/// issuer by name (and key identifier, when both carry one) and proving each link with a
/// per-certificate signature check (SM2 with the ID `1234567812345678`). It does not
/// call `X509_verify_cert`, whose handling of SM2 chains of several levels is broken in
/// OpenSSL 3.0 (upstream issues 23471 and 22234). Each complete chain is then judged by
/// the policies (`VerificationPolicy<X509ChainContext>`, composed with `@PolicyBuilder`); the
/// first chain that meets all of them is the answer.
///
/// Trust roots are trusted as given: their self-signature is not checked (RFC 5280 §6.1
/// takes trust anchors as inputs), but their validity period is.
public struct X509Verifier: Sendable {
    public var trustRoots: [X509Certificate]
    /// Every policy a chain must meet, in order; the standard ones included unless the
    /// caller chose the whole set with ``init(trustRoots:policies:)``.
    public var policies: PolicySet<X509ChainContext>

    /// The checks of RFC 5280 path validation GMCertificates makes: validity periods,
    /// CA basic constraints, `keyCertSign` and path length, unhandled critical extensions.
    public static var standardPolicies: [any VerificationPolicy<X509ChainContext>] {
        [X509ValidityPolicy(), X509IssuerConstraintsPolicy(), X509CriticalExtensionsPolicy()]
    }

    /// Longest chain tried, trust root included; real e-government PKIs use three or four.
    static let maximumChainLength = 10

    /// Signature checks one verification may spend. Intermediates often come from the
    /// document being verified, so many look-alike issuers must not make the search explode.
    static let maximumSignatureChecks = 256

    /// A verifier that holds chains to ``standardPolicies`` and then to the caller's own,
    /// built with `@PolicyBuilder` (revocation, allowed issuers, leaf key usage, …).
    public init(
        trustRoots: [X509Certificate],
        @PolicyBuilder<X509ChainContext> adding additional: () -> [any VerificationPolicy<X509ChainContext>] = { [] }
    ) {
        self.trustRoots = trustRoots
        self.policies = PolicySet(X509Verifier.standardPolicies + additional())
    }

    /// A verifier that holds chains to exactly `policies`: start from ``standardPolicies``
    /// (to set a clock skew, say), since a chain no policy checks is only proven signed.
    public init(trustRoots: [X509Certificate], policies: PolicySet<X509ChainContext>) {
        self.trustRoots = trustRoots
        self.policies = policies
    }

    public func verify(
        _ leaf: X509Certificate,
        intermediates: [X509Certificate] = [],
        at time: Date = Date()
    ) -> X509VerificationResult {
        var search = ChainSearch(verifier: self, intermediates: intermediates, time: time)
        if let chain = search.extend([leaf]) {
            return .valid(chain: chain)
        }
        return .invalid(search.bestFailure ?? .init(reason: .untrustedRoot, certificate: leaf, depth: 0))
    }

    /// A depth-first search over candidate issuers that remembers the most telling
    /// failure: a policy failure on a complete chain says more than a bad signature,
    /// which says more than a missing issuer.
    private struct ChainSearch {
        let verifier: X509Verifier
        let intermediates: [X509Certificate]
        let time: Date
        var bestFailure: X509VerificationFailure?
        private var bestRank = -1
        private var signatureChecksLeft = X509Verifier.maximumSignatureChecks

        init(verifier: X509Verifier, intermediates: [X509Certificate], time: Date) {
            self.verifier = verifier
            self.intermediates = intermediates
            self.time = time
        }

        mutating func extend(_ path: [X509Certificate]) -> [X509Certificate]? {
            guard let current = path.last else { return nil }
            let depth = path.count - 1
            if verifier.trustRoots.contains(current) {
                return judge(path)
            }
            guard path.count < X509Verifier.maximumChainLength else {
                record(.init(reason: .untrustedRoot, certificate: current, depth: depth), rank: 0)
                return nil
            }
            var foundIssuer = false
            for candidate in verifier.trustRoots + intermediates
            where candidate.subject == current.issuer && !path.contains(candidate)
                && Self.keyIdentifiersAllow(candidate, toIssue: current)
            {
                foundIssuer = true
                guard signatureChecksLeft > 0 else {
                    record(.init(reason: .untrustedRoot, certificate: current, depth: depth), rank: 0)
                    return nil
                }
                signatureChecksLeft -= 1
                switch current.checkSignature(with: candidate.publicKey) {
                case .valid:
                    if let chain = extend(path + [candidate]) { return chain }
                case .invalid:
                    record(.init(reason: .badSignature, certificate: current, depth: depth), rank: 1)
                case .unsupported(let detail):
                    record(
                        .init(reason: .unsupportedSignatureAlgorithm(detail), certificate: current, depth: depth),
                        rank: 1)
                }
            }
            if !foundIssuer {
                record(.init(reason: .untrustedRoot, certificate: current, depth: depth), rank: 0)
            }
            return nil
        }

        private mutating func judge(_ chain: [X509Certificate]) -> [X509Certificate]? {
            let context = X509ChainContext(
                chain: chain, time: time, understoodCriticalExtensions: verifier.policies.understoodCriticalExtensions)
            for policy in verifier.policies.policies {
                if let failure = policy.typedFailure(context) {
                    record(failure, rank: 2)
                    return nil
                }
            }
            return chain
        }

        private mutating func record(_ failure: X509VerificationFailure, rank: Int) {
            if rank > bestRank {
                bestRank = rank
                bestFailure = failure
            }
        }

        /// When both the certificate's authority key identifier and the candidate's subject
        /// key identifier are present they must agree: it tells apart a CA's old and new
        /// keys that share one name.
        private static func keyIdentifiersAllow(_ issuer: X509Certificate, toIssue certificate: X509Certificate) -> Bool
        {
            guard let authority = certificate.authorityKeyIdentifier, let subject = issuer.subjectKeyIdentifier else {
                return true
            }
            return authority == subject
        }
    }
}
