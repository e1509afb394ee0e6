import Foundation
import GMCertificates
import GMCrypto
import Testing
import ZWKitTestSupport
import ZhengwuKitCore

/// Chains made entirely by the `openssl` CLI, verified by GMCrypto: interoperability in
/// the direction "someone else's CA, our verifier".
@Suite struct X509VerifierOpenSSLChainTests {
    static let caExtensions = [
        "basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign",
        "subjectKeyIdentifier=hash", "authorityKeyIdentifier=keyid",
    ]
    static let leafExtensions = ["basicConstraints=CA:FALSE", "keyUsage=critical,digitalSignature,nonRepudiation"]

    /// root → intermediate → leaf, all SM2, by OpenSSL; `extra` lets a test break one link.
    static func makeChain(
        _ ca: OpenSSLPKI,
        intermediateExtensions: [String] = caExtensions
    ) throws -> (root: X509Certificate, intermediate: X509Certificate, leaf: X509Certificate) {
        try ca.makeRoot("root", subject: "/C=CN/O=某某省数字证书认证中心/CN=某某省 SM2 根 CA")
        try ca.makeIssued(
            "inter", subject: "/C=CN/O=某某省数字证书认证中心/CN=某某市 SM2 中级 CA", issuer: "root",
            extensions: intermediateExtensions, days: 20)
        try ca.makeIssued("leaf", subject: "/C=CN/O=某某市人民政府/CN=某某市人民政府", issuer: "inter", extensions: leafExtensions)
        return (
            try X509Certificate(pemRepresentation: ca.read("root.pem")),
            try X509Certificate(pemRepresentation: ca.read("inter.pem")),
            try X509Certificate(pemRepresentation: ca.read("leaf.pem"))
        )
    }

    @Test func rootIntermediateLeafVerifies() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let chain = try Self.makeChain(ca)
        // OpenSSL agrees each link is good, so a GMCrypto failure would be GMCrypto's.
        #expect(try ca.acceptsLink("leaf.pem", issuedBy: "inter.pem"))
        #expect(try ca.acceptsLink("inter.pem", issuedBy: "root.pem"))

        let result = X509Verifier(trustRoots: [chain.root]).verify(chain.leaf, intermediates: [chain.intermediate])
        #expect(result.chain == [chain.leaf, chain.intermediate, chain.root], "\(String(describing: result.failure))")
        #expect(chain.leaf.isValidSignature(issuedBy: chain.intermediate))
        #expect(!chain.leaf.isValidSignature(issuedBy: chain.root))
    }

    /// Pins the OpenSSL 3.0 bug GMCrypto's own path validation exists for: the whole chain,
    /// every link of which OpenSSL accepts, is rejected by `openssl verify -untrusted`.
    /// When OpenSSL is fixed this known issue stops reproducing and the test says so.
    @Test func opensslRejectsAValidThreeLevelSM2Chain() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        _ = try Self.makeChain(ca)
        let result = try ca.verify(leaf: "leaf.pem", root: "root.pem", intermediates: ["inter.pem"])
        withKnownIssue("OpenSSL 3.0 sets the SM2 ID on the leaf only (upstream issues 22234, 23471)") {
            #expect(result.status == 0, "\(result.stdoutText)\(result.stderrText)")
        }
        #expect((result.stdoutText + result.stderrText).contains("error 7 at 1 depth lookup"))
        #expect(try ca.gmsslAcceptsLink("inter.pem", issuedBy: "root.pem") != false)
    }

    @Test func caLeafVerifies() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        try ca.makeRoot("root", subject: "/C=CN/CN=某某市测试 CA")
        try ca.makeIssued("leaf", subject: "/C=CN/CN=经办人", issuer: "root", extensions: Self.leafExtensions)
        let root = try X509Certificate(pemRepresentation: ca.read("root.pem"))
        let leaf = try X509Certificate(pemRepresentation: ca.read("leaf.pem"))
        #expect(X509Verifier(trustRoots: [root]).verify(leaf).chain == [leaf, root])
    }

    /// RFC 5280 §4.2: a critical extension nobody processes fails the chain; a caller's
    /// policy that declares it in `understoodCriticalExtensions` lets it through, and then
    /// judges it itself.
    @Test func aCriticalExtensionPassesOnlyWhenAPolicyProcessesIt() throws {
        struct DepartmentMark: VerificationPolicy {
            static let oid = "1.2.156.112562.99.1"
            var understoodCriticalExtensions: Set<String> { [Self.oid] }
            func evaluate(_ context: X509ChainContext) -> PolicyResult {
                context.leaf?.extensions.contains { $0.oid == Self.oid } == true
                    ? .meetsPolicy
                    : .failsToMeetPolicy(.init(code: "dept.mark", message: "no department mark", chineseTerm: "缺少部门标识"))
            }
        }
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        try ca.makeRoot("root", subject: "/C=CN/CN=某某市测试 CA")
        try ca.makeIssued(
            "leaf", subject: "/C=CN/CN=经办人", issuer: "root",
            extensions: Self.leafExtensions + ["\(DepartmentMark.oid)=critical,ASN1:UTF8String:dept"])
        try ca.makeIssued("plain", subject: "/C=CN/CN=经办人乙", issuer: "root", extensions: Self.leafExtensions)
        let root = try X509Certificate(pemRepresentation: ca.read("root.pem"))
        let leaf = try X509Certificate(pemRepresentation: ca.read("leaf.pem"))
        let plain = try X509Certificate(pemRepresentation: ca.read("plain.pem"))
        #expect(leaf.extensions.contains { $0.oid == DepartmentMark.oid && $0.isCritical })

        let standard = try #require(X509Verifier(trustRoots: [root]).verify(leaf).failure)
        #expect(standard.reason == .unhandledCriticalExtension(oid: DepartmentMark.oid))
        #expect(standard.code == "x509.chain.unhandled_critical_extension")

        let marking = X509Verifier(trustRoots: [root]) { DepartmentMark() }
        #expect(marking.verify(leaf).chain == [leaf, root])
        #expect(marking.verify(plain).failure?.code == "dept.mark")
        // The caller's own allowance works the same way.
        let allowing = X509Verifier(
            trustRoots: [root],
            policies: PolicySet([
                X509ValidityPolicy(), X509IssuerConstraintsPolicy(),
                X509CriticalExtensionsPolicy(alsoUnderstood: [DepartmentMark.oid]),
            ]))
        #expect(allowing.verify(leaf).isValid)
    }

    @Test func missingIntermediateMeansNoPathToARoot() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let chain = try Self.makeChain(ca)
        let failure = try #require(X509Verifier(trustRoots: [chain.root]).verify(chain.leaf).failure)
        #expect(failure.reason == .untrustedRoot)
        #expect(failure.depth == 0)
    }

    /// An intermediate OpenSSL was told to make with a defect that disqualifies it as an issuer.
    @Test(arguments: [
        (["basicConstraints=CA:FALSE", "keyUsage=critical,keyCertSign"], X509VerificationFailure.Reason.issuerNotCA),
        (["basicConstraints=critical,CA:TRUE", "keyUsage=critical,digitalSignature"], .missingKeyCertSign),
    ])
    func unfitIntermediateIsRejected(extensions: [String], reason: X509VerificationFailure.Reason) throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let chain = try Self.makeChain(ca, intermediateExtensions: extensions)
        #expect(try !ca.acceptsLink("leaf.pem", issuedBy: "inter.pem"))

        let failure = try #require(
            X509Verifier(trustRoots: [chain.root]).verify(chain.leaf, intermediates: [chain.intermediate]).failure)
        #expect(failure.reason == reason)
        #expect(failure.certificate == chain.intermediate)
        #expect(failure.depth == 1)
    }

    @Test func verificationTimeOutsideTheLeafsValidityIsReported() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let chain = try Self.makeChain(ca)
        let verifier = X509Verifier(trustRoots: [chain.root])

        let late = verifier.verify(chain.leaf, intermediates: [chain.intermediate], at: chain.leaf.notAfter + 1)
        #expect(late.failure?.reason == .expired(notAfter: chain.leaf.notAfter))
        #expect(late.failure?.depth == 0)
        let early = verifier.verify(chain.leaf, intermediates: [chain.intermediate], at: chain.leaf.notBefore - 1)
        #expect(early.failure?.reason == .notYetValid(notBefore: chain.leaf.notBefore))
        // The last second of the validity period is still valid (RFC 5280: notAfter is inclusive).
        #expect(verifier.verify(chain.leaf, intermediates: [chain.intermediate], at: chain.leaf.notAfter).isValid)
    }

    @Test func tamperedSignatureIsReportedOnTheTamperedCertificate() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let chain = try Self.makeChain(ca)
        var der = [UInt8](chain.leaf.derRepresentation)
        der[der.count - 3] ^= 0x01  // inside the signature's s value
        let tampered = try X509Certificate(derRepresentation: der)

        let failure = try #require(
            X509Verifier(trustRoots: [chain.root]).verify(tampered, intermediates: [chain.intermediate]).failure)
        #expect(failure.reason == .badSignature)
        #expect(failure.depth == 0)
        #expect(!tampered.isValidSignature(issuedBy: chain.intermediate))
    }
}
