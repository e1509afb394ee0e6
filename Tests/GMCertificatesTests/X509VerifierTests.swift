import Foundation
import GMCertificates
import GMCrypto
import Testing
import ZWKitTestSupport
import ZhengwuKitCore

/// Every failure reason of `X509Verifier`, each produced by a real certificate that has
/// exactly that defect, on SM2 chains issued by GMCrypto.
@Suite struct X509VerifierTests {
    static let year: TimeInterval = 365 * 86_400

    /// A CA with its key, to issue the next certificate down.
    struct Authority {
        let certificate: X509Certificate
        let key: X509Certificate.PrivateKey

        func issue(_ builder: X509CertificateBuilder, key subjectKey: X509Certificate.PrivateKey) throws
            -> X509Certificate
        {
            try builder.issue(for: subjectKey.publicKey, issuer: certificate, issuerKey: key)
        }
    }

    let ca: OpenSSLPKI
    let root: Authority
    let intermediate: Authority
    let leafKey: X509Certificate.PrivateKey

    init() throws {
        ca = try OpenSSLPKI()
        let rootKey = try ca.generateKey("root")
        let interKey = try ca.generateKey("inter")
        leafKey = try ca.generateKey("leaf")
        let rootCertificate = try X509CertificateBuilder.certificateAuthority(
            subject: [.country("CN"), .commonName("某某省根 CA")], validFor: 10 * Self.year
        ).selfSigned(with: rootKey)
        root = Authority(certificate: rootCertificate, key: rootKey)
        intermediate = Authority(
            certificate: try root.issue(
                .certificateAuthority(subject: [.country("CN"), .commonName("某某市中级 CA")], validFor: 5 * Self.year),
                key: interKey),
            key: interKey)
    }

    func leaf(_ builder: X509CertificateBuilder = .endEntity(subject: [.commonName("某某市人民政府")], validFor: year))
        throws -> X509Certificate
    {
        try intermediate.issue(builder, key: leafKey)
    }

    func failure(
        _ leaf: X509Certificate,
        intermediates: [X509Certificate]? = nil,
        roots: [X509Certificate]? = nil,
        policies: [any VerificationPolicy<X509ChainContext>] = X509Verifier.standardPolicies
    ) throws -> X509VerificationFailure {
        let verifier = X509Verifier(trustRoots: roots ?? [root.certificate], policies: PolicySet(policies))
        return try #require(verifier.verify(leaf, intermediates: intermediates ?? [intermediate.certificate]).failure)
    }

    @Test func aSoundChainIsValid() throws {
        defer { ca.cleanUp() }
        let leaf = try leaf()
        let result = X509Verifier(trustRoots: [root.certificate]).verify(
            leaf, intermediates: [intermediate.certificate])
        #expect(result.chain == [leaf, intermediate.certificate, root.certificate])
    }

    @Test func expiredLeaf() throws {
        defer { ca.cleanUp() }
        let leaf = try leaf(.endEntity(subject: [.commonName("过期")], validFor: Self.year, from: Date() - 2 * Self.year))
        let failure = try failure(leaf)
        #expect(failure.reason == .expired(notAfter: leaf.notAfter))
        #expect(failure.depth == 0)
        #expect(failure.chineseTerm == "证书已过期")
        #expect(failure.description.contains("CN=过期"))
    }

    @Test func leafNotYetValid() throws {
        defer { ca.cleanUp() }
        let leaf = try leaf(.endEntity(subject: [.commonName("未来")], validFor: Self.year, from: Date() + 86_400))
        let failure = try failure(leaf)
        #expect(failure.reason == .notYetValid(notBefore: leaf.notBefore))
        #expect(failure.code == "x509.chain.not_yet_valid")
    }

    @Test func wrongRootIsUntrusted() throws {
        defer { ca.cleanUp() }
        let otherKey = try ca.generateKey("other")
        let otherRoot = try X509CertificateBuilder.certificateAuthority(
            subject: [.commonName("另一个根")], validFor: Self.year
        )
        .selfSigned(with: otherKey)
        let failure = try failure(try leaf(), roots: [otherRoot])
        #expect(failure.reason == .untrustedRoot)
        #expect(failure.certificate == intermediate.certificate)
        #expect(failure.depth == 1)
    }

    @Test func aRootWithTheSameNameButAnotherKeyIsUntrusted() throws {
        defer { ca.cleanUp() }
        let impostorKey = try ca.generateKey("impostor")
        let impostor = try X509CertificateBuilder.certificateAuthority(
            subject: root.certificate.subject, validFor: Self.year
        )
        .selfSigned(with: impostorKey)
        let failure = try failure(try leaf(), roots: [impostor])
        #expect(failure.reason == .untrustedRoot)
    }

    @Test func tamperedSignatureByte() throws {
        defer { ca.cleanUp() }
        var der = [UInt8](try leaf().derRepresentation)
        der[der.count - 5] ^= 0x80
        let failure = try failure(try X509Certificate(derRepresentation: der))
        #expect(failure.reason == .badSignature)
        #expect(failure.depth == 0)
    }

    @Test func tamperedIntermediateIsReportedAtItsDepth() throws {
        defer { ca.cleanUp() }
        var der = [UInt8](intermediate.certificate.derRepresentation)
        der[der.count - 5] ^= 0x80
        let tampered = try X509Certificate(derRepresentation: der)
        let failure = try failure(try leaf(), intermediates: [tampered])
        // The leaf's own signature is fine (the key is unchanged); the intermediate's is not.
        #expect(failure.reason == .badSignature)
        #expect(failure.depth == 1)
        #expect(failure.certificate == tampered)
    }

    @Test func intermediateWithoutCAFlag() throws {
        defer { ca.cleanUp() }
        let notCAKey = try ca.generateKey("notca")
        let notCA = try root.issue(.endEntity(subject: [.commonName("不是 CA")], validFor: Self.year), key: notCAKey)
        let leaf = try X509CertificateBuilder.endEntity(subject: [.commonName("叶")], validFor: Self.year)
            .issue(for: leafKey.publicKey, issuer: notCA, issuerKey: notCAKey)
        let failure = try failure(leaf, intermediates: [notCA])
        #expect(failure.reason == .issuerNotCA)
        #expect(failure.certificate == notCA)
        #expect(failure.depth == 1)
    }

    @Test func caWithoutKeyCertSign() throws {
        defer { ca.cleanUp() }
        let caKey = try ca.generateKey("ku")
        var builder = X509CertificateBuilder.certificateAuthority(
            subject: [.commonName("无签发用途 CA")], validFor: Self.year)
        builder.keyUsage = [.digitalSignature, .cRLSign]
        let weakCA = try root.issue(builder, key: caKey)
        let leaf = try X509CertificateBuilder.endEntity(subject: [.commonName("叶")], validFor: Self.year)
            .issue(for: leafKey.publicKey, issuer: weakCA, issuerKey: caKey)
        let failure = try failure(leaf, intermediates: [weakCA])
        #expect(failure.reason == .missingKeyCertSign)
        #expect(failure.certificate == weakCA)
    }

    @Test func pathLengthExceeded() throws {
        defer { ca.cleanUp() }
        let strictKey = try ca.generateKey("strict")
        let strictRoot = try X509CertificateBuilder.certificateAuthority(
            subject: [.commonName("路径长度为零的根")], pathLengthConstraint: 0, validFor: Self.year
        ).selfSigned(with: strictKey)
        let interKey = try ca.generateKey("inter2")
        let inter = try Authority(certificate: strictRoot, key: strictKey)
            .issue(.certificateAuthority(subject: [.commonName("中级")], validFor: Self.year), key: interKey)
        let leaf = try X509CertificateBuilder.endEntity(subject: [.commonName("叶")], validFor: Self.year)
            .issue(for: leafKey.publicKey, issuer: inter, issuerKey: interKey)

        let failure = try failure(leaf, intermediates: [inter], roots: [strictRoot])
        #expect(failure.reason == .pathLengthExceeded(limit: 0, intermediates: 1))
        #expect(failure.depth == 2)
        // Directly under the root, a path length of 0 is fine.
        let direct = try X509CertificateBuilder.endEntity(subject: [.commonName("直")], validFor: Self.year)
            .issue(for: leafKey.publicKey, issuer: strictRoot, issuerKey: strictKey)
        #expect(X509Verifier(trustRoots: [strictRoot]).verify(direct).isValid)
    }

    @Test func expiredRootIsReportedAtTheRoot() throws {
        defer { ca.cleanUp() }
        let oldKey = try ca.generateKey("old")
        let oldRoot = try X509CertificateBuilder.certificateAuthority(
            subject: [.commonName("已过期的根")], validFor: Self.year, from: Date() - 2 * Self.year
        ).selfSigned(with: oldKey)
        // The leaf outlives its root, which CAs should not do but tests must survive.
        let leaf = try X509CertificateBuilder.endEntity(
            subject: [.commonName("叶")], validFor: 10 * Self.year, from: Date() - 2 * Self.year
        ).issue(for: leafKey.publicKey, issuer: oldRoot, issuerKey: oldKey)
        let failure = try #require(X509Verifier(trustRoots: [oldRoot]).verify(leaf).failure)
        #expect(failure.reason == .expired(notAfter: oldRoot.notAfter))
        #expect(failure.depth == 1)
    }

    @Test func untrustedSelfSignedCertificateIsNotARoot() throws {
        defer { ca.cleanUp() }
        let failure = try failure(try leaf(), intermediates: [intermediate.certificate, root.certificate], roots: [])
        #expect(failure.reason == .untrustedRoot)
        #expect(failure.certificate == root.certificate)
    }

    @Test func aTrustedLeafNeedsNoChain() throws {
        defer { ca.cleanUp() }
        #expect(X509Verifier(trustRoots: [root.certificate]).verify(root.certificate).chain == [root.certificate])
    }

    @Test func leafKeyUsagePolicy() throws {
        defer { ca.cleanUp() }
        var builder = X509CertificateBuilder.endEntity(subject: [.commonName("只签名")], validFor: Self.year)
        builder.keyUsage = [.digitalSignature]
        let policies = X509Verifier.standardPolicies + [X509LeafKeyUsagePolicy(required: [.nonRepudiation])]
        let failure = try failure(try leaf(builder), policies: policies)
        #expect(failure.reason == .leafKeyUsage(missing: .nonRepudiation))
    }

    /// A caller's policy in the house shape (`VerificationPolicy<X509ChainContext>`), added
    /// with the builder beside the standard ones; its failure keeps its own code and term.
    @Test func callerPoliciesCompose() throws {
        struct AllowedIssuers: VerificationPolicy {
            let names: Set<String>
            func evaluate(_ context: X509ChainContext) -> PolicyResult {
                guard let leaf = context.leaf, names.contains(leaf.issuer.commonName ?? "") else {
                    return .failsToMeetPolicy(
                        .init(code: "dept.issuer", message: "issuer not on the department's list", chineseTerm: "签发者不符")
                    )
                }
                return .meetsPolicy
            }
        }
        defer { ca.cleanUp() }
        let leaf = try leaf()
        let intermediates = [intermediate.certificate]
        let allowed = X509Verifier(trustRoots: [root.certificate]) { AllowedIssuers(names: ["某某市中级 CA"]) }
        #expect(allowed.verify(leaf, intermediates: intermediates).isValid)
        #expect(allowed.policies.policies.count == X509Verifier.standardPolicies.count + 1)
        let refusing = X509Verifier(trustRoots: [root.certificate]) { AllowedIssuers(names: ["别的 CA"]) }
        let failure = try #require(refusing.verify(leaf, intermediates: intermediates).failure)
        #expect(failure.code == "dept.issuer" && failure.chineseTerm == "签发者不符" && failure.depth == 0)
        guard case .policy(let reason) = failure.reason else {
            Issue.record("expected the caller's policy failure, got \(failure)")
            return
        }
        #expect(reason.message == "issuer not on the department's list")
        // The standard policies still run first: an expired chain fails on validity, not on the caller's policy.
        let later = Date().addingTimeInterval(10 * Self.year)
        #expect(refusing.verify(leaf, intermediates: intermediates, at: later).failure?.code == "x509.chain.expired")
    }
}

extension X509VerifierTests {
    /// Many intermediates with the issuer's name but other keys, as a hostile document
    /// could carry, are ruled out by key identifiers and do not hide the real issuer.
    @Test func keyIdentifiersRuleOutLookAlikeIssuers() throws {
        defer { ca.cleanUp() }
        let leaf = try leaf()
        var lookAlikes: [X509Certificate] = []
        for _ in 0..<80 {
            let key = X509Certificate.PrivateKey.generate(.sm2)
            var builder = X509CertificateBuilder.certificateAuthority(
                subject: intermediate.certificate.subject, validFor: Self.year)
            builder.keyUsage = [.keyCertSign]
            lookAlikes.append(try builder.selfSigned(with: key))
        }
        let verifier = X509Verifier(trustRoots: [root.certificate])
        #expect(verifier.verify(leaf, intermediates: lookAlikes + [intermediate.certificate]).isValid)
    }
}
