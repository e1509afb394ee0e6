import Foundation
import GMCrypto
import ZhengwuKitCore

// The checks of RFC 5280 path validation GMCertificates makes, each a policy in the house
// shape (`VerificationPolicy<X509ChainContext>`). The verifier has already proven every
// signature from the leaf up to a trusted root; a policy judges the proven chain.

/// Every certificate of the chain, the root included, is within its validity period.
public struct X509ValidityPolicy: X509ChainPolicy {
    /// How far the clocks of issuer and verifier may disagree.
    public var clockSkew: TimeInterval

    public init(clockSkew: TimeInterval = 0) { self.clockSkew = clockSkew }

    public var name: String { "validity" }

    public func check(_ context: X509ChainContext) -> X509VerificationFailure? {
        for (depth, certificate) in context.chain.enumerated() {
            if context.time.addingTimeInterval(-clockSkew) > certificate.notAfter {
                return context.failure(.expired(notAfter: certificate.notAfter), depth: depth)
            }
            if context.time.addingTimeInterval(clockSkew) < certificate.notBefore {
                return context.failure(.notYetValid(notBefore: certificate.notBefore), depth: depth)
            }
        }
        return nil
    }
}

/// RFC 5280 §4.2.1.9 and §4.2.1.3 for every issuer in the chain: it is a CA, its key
/// usage (when present) includes `keyCertSign`, and no more intermediate CAs follow it
/// than its `pathLenConstraint` allows.
///
/// A trust anchor without any basic constraints extension (a v1 root) is accepted as a
/// CA, as OpenSSL does: the caller chose to trust it.
public struct X509IssuerConstraintsPolicy: X509ChainPolicy {
    public init() {}

    public var name: String { "issuerConstraints" }

    /// Basic constraints and key usage are processed here.
    public var understoodCriticalExtensions: Set<String> {
        [X509Certificate.Extension.basicConstraints, X509Certificate.Extension.keyUsage]
    }

    public func check(_ context: X509ChainContext) -> X509VerificationFailure? {
        let chain = context.chain
        // Walk from the root down, so the first broken link a person meets is reported.
        for depth in stride(from: chain.count - 1, through: 1, by: -1) {
            let issuer = chain[depth]
            let isTrustAnchor = depth == chain.count - 1
            if !issuer.isCertificateAuthority && !(isTrustAnchor && issuer.basicConstraints == nil) {
                return context.failure(.issuerNotCA, depth: depth)
            }
            if let usage = issuer.keyUsage, !usage.contains(.keyCertSign) {
                return context.failure(.missingKeyCertSign, depth: depth)
            }
            if let limit = issuer.basicConstraints?.pathLengthConstraint {
                // Intermediates below this issuer, not counting self-issued ones (RFC 5280 §6.1.4 (l)).
                let following = chain[1..<depth].filter { !$0.isSelfIssued }.count
                if following > limit {
                    return context.failure(.pathLengthExceeded(limit: limit, intermediates: following), depth: depth)
                }
            }
        }
        return nil
    }
}

/// RFC 5280 §4.2: a certificate with a critical extension nobody processes must be
/// rejected. An extension is processed when GMCertificates reads it, when the caller names
/// it in ``alsoUnderstood``, or when any policy of the verifier declares it in its
/// `understoodCriticalExtensions` (``X509ChainContext/understoodCriticalExtensions``).
/// The trust anchor is exempt: the caller vouched for it.
public struct X509CriticalExtensionsPolicy: X509ChainPolicy {
    /// Extension OIDs the caller processes itself, beyond those GMCertificates understands.
    public var alsoUnderstood: Set<String>

    /// The extensions GMCertificates reads wherever they appear.
    static let understood: Set<String> = [
        X509Certificate.Extension.keyUsage, X509Certificate.Extension.basicConstraints,
        X509Certificate.Extension.extendedKeyUsage, X509Certificate.Extension.subjectKeyIdentifier,
        X509Certificate.Extension.authorityKeyIdentifier, X509Certificate.Extension.subjectAltName,
        X509Certificate.Extension.certificatePolicies,
    ]

    public init(alsoUnderstood: Set<String> = []) { self.alsoUnderstood = alsoUnderstood }

    public var name: String { "criticalExtensions" }

    public var understoodCriticalExtensions: Set<String> { alsoUnderstood }

    public func check(_ context: X509ChainContext) -> X509VerificationFailure? {
        for (depth, certificate) in context.chain.enumerated().dropLast() {
            for item in certificate.extensions where item.isCritical {
                if !Self.understood.contains(item.oid) && !alsoUnderstood.contains(item.oid)
                    && !context.understoodCriticalExtensions.contains(item.oid)
                {
                    return context.failure(.unhandledCriticalExtension(oid: item.oid), depth: depth)
                }
            }
        }
        return nil
    }
}

/// The leaf's key usage, when it has the extension, includes every usage required
/// (for a seal signer: `digitalSignature` or `nonRepudiation`, as the caller decides).
public struct X509LeafKeyUsagePolicy: X509ChainPolicy {
    public var required: X509Certificate.KeyUsage

    public init(required: X509Certificate.KeyUsage) { self.required = required }

    public var name: String { "leafKeyUsage" }

    public var understoodCriticalExtensions: Set<String> { [X509Certificate.Extension.keyUsage] }

    public func check(_ context: X509ChainContext) -> X509VerificationFailure? {
        guard let leaf = context.leaf, let usage = leaf.keyUsage else { return nil }
        let missing = required.subtracting(usage)
        return missing.isEmpty ? nil : context.failure(.leafKeyUsage(missing: missing), depth: 0)
    }
}
