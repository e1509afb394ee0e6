import Foundation
import GMCrypto

/// One concern a certificate chain must satisfy, in the manner of swift-certificates'
/// `VerifierPolicy`. The verifier has already proven every signature from the leaf up
/// to a trusted root; a policy judges the proven chain.
///
/// Departments add their own (allowed issuers, required policies, revocation) beside
/// ``X509Verifier/standardPolicies``.
public protocol X509VerifierPolicy: Sendable {
    /// Checks `chain` (leaf first, trusted root last) at the verification time.
    func check(chain: [X509Certificate], at time: Date) -> X509PolicyResult
}

public enum X509PolicyResult: Sendable {
    case meetsPolicy
    case failsToMeetPolicy(X509VerificationFailure)
}

/// Every certificate of the chain, the root included, is within its validity period.
public struct X509ValidityPolicy: X509VerifierPolicy {
    /// How far the clocks of issuer and verifier may disagree.
    public var clockSkew: TimeInterval

    public init(clockSkew: TimeInterval = 0) { self.clockSkew = clockSkew }

    public func check(chain: [X509Certificate], at time: Date) -> X509PolicyResult {
        for (depth, certificate) in chain.enumerated() {
            if time.addingTimeInterval(-clockSkew) > certificate.notAfter {
                return .failsToMeetPolicy(
                    .init(reason: .expired(notAfter: certificate.notAfter), certificate: certificate, depth: depth))
            }
            if time.addingTimeInterval(clockSkew) < certificate.notBefore {
                return .failsToMeetPolicy(
                    .init(
                        reason: .notYetValid(notBefore: certificate.notBefore), certificate: certificate, depth: depth)
                )
            }
        }
        return .meetsPolicy
    }
}

/// RFC 5280 §4.2.1.9 and §4.2.1.3 for every issuer in the chain: it is a CA, its key
/// usage (when present) includes `keyCertSign`, and no more intermediate CAs follow it
/// than its `pathLenConstraint` allows.
///
/// A trust anchor without any basic constraints extension (a v1 root) is accepted as a
/// CA, as OpenSSL does: the caller chose to trust it.
public struct X509IssuerConstraintsPolicy: X509VerifierPolicy {
    public init() {}

    public func check(chain: [X509Certificate], at time: Date) -> X509PolicyResult {
        // Walk from the root down, so the first broken link a person meets is reported.
        for depth in stride(from: chain.count - 1, through: 1, by: -1) {
            let issuer = chain[depth]
            let isTrustAnchor = depth == chain.count - 1
            if !issuer.isCertificateAuthority && !(isTrustAnchor && issuer.basicConstraints == nil) {
                return .failsToMeetPolicy(.init(reason: .issuerNotCA, certificate: issuer, depth: depth))
            }
            if let usage = issuer.keyUsage, !usage.contains(.keyCertSign) {
                return .failsToMeetPolicy(.init(reason: .missingKeyCertSign, certificate: issuer, depth: depth))
            }
            if let limit = issuer.basicConstraints?.pathLengthConstraint {
                // Intermediates below this issuer, not counting self-issued ones (RFC 5280 §6.1.4 (l)).
                let following = chain[1..<depth].filter { !$0.isSelfIssued }.count
                if following > limit {
                    return .failsToMeetPolicy(
                        .init(
                            reason: .pathLengthExceeded(limit: limit, intermediates: following), certificate: issuer,
                            depth: depth)
                    )
                }
            }
        }
        return .meetsPolicy
    }
}

/// RFC 5280 §4.2: a certificate with a critical extension the verifier does not process
/// must be rejected. The trust anchor is exempt: the caller vouched for it.
public struct X509CriticalExtensionsPolicy: X509VerifierPolicy {
    /// Extension OIDs the caller processes itself, beyond those GMCrypto understands.
    public var alsoUnderstood: Set<String>

    static let understood: Set<String> = [
        X509Certificate.Extension.keyUsage, X509Certificate.Extension.basicConstraints,
        X509Certificate.Extension.extendedKeyUsage, X509Certificate.Extension.subjectKeyIdentifier,
        X509Certificate.Extension.authorityKeyIdentifier, X509Certificate.Extension.subjectAltName,
        X509Certificate.Extension.certificatePolicies,
    ]

    public init(alsoUnderstood: Set<String> = []) { self.alsoUnderstood = alsoUnderstood }

    public func check(chain: [X509Certificate], at time: Date) -> X509PolicyResult {
        for (depth, certificate) in chain.enumerated().dropLast() {
            for item in certificate.extensions where item.isCritical {
                if !Self.understood.contains(item.oid) && !alsoUnderstood.contains(item.oid) {
                    return .failsToMeetPolicy(
                        .init(
                            reason: .unhandledCriticalExtension(oid: item.oid), certificate: certificate, depth: depth)
                    )
                }
            }
        }
        return .meetsPolicy
    }
}

/// The leaf's key usage, when it has the extension, includes every usage required
/// (for a seal signer: `digitalSignature` or `nonRepudiation`, as the caller decides).
public struct X509LeafKeyUsagePolicy: X509VerifierPolicy {
    public var required: X509Certificate.KeyUsage

    public init(required: X509Certificate.KeyUsage) { self.required = required }

    public func check(chain: [X509Certificate], at time: Date) -> X509PolicyResult {
        guard let leaf = chain.first, let usage = leaf.keyUsage else { return .meetsPolicy }
        let missing = required.subtracting(usage)
        guard missing.isEmpty else {
            return .failsToMeetPolicy(.init(reason: .leafKeyUsage(missing: missing), certificate: leaf, depth: 0))
        }
        return .meetsPolicy
    }
}
