import Foundation
import GMCertificates
import GMCrypto
import Testing
import ZWKitTestSupport

/// Certificates issued by GMCrypto, checked by OpenSSL and gmssl: interoperability in the
/// direction "our CA, someone else's verifier".
@Suite struct X509CertificateBuilderTests {
    static let year: TimeInterval = 365 * 86_400

    struct Chain {
        let root: X509Certificate
        let intermediate: X509Certificate
        let leaf: X509Certificate
    }

    /// root → intermediate → leaf issued by GMCrypto with keys made by OpenSSL, saved as
    /// root.pem, inter.pem and leaf.pem.
    static func issueChain(_ ca: OpenSSLPKI, algorithm: OpenSSLPKI.KeyAlgorithm = .sm2) throws
        -> Chain
    {
        let rootKey = try ca.generateKey("root", algorithm: algorithm)
        let interKey = try ca.generateKey("inter", algorithm: algorithm)
        let leafKey = try ca.generateKey("leaf", algorithm: algorithm)
        let root = try X509CertificateBuilder.certificateAuthority(
            subject: [.country("CN"), .organization("某某省数字证书认证中心"), .commonName("某某省测试根 CA")],
            pathLengthConstraint: 1, validFor: 10 * year
        ).selfSigned(with: rootKey)
        let intermediate = try X509CertificateBuilder.certificateAuthority(
            subject: [.country("CN"), .organization("某某省数字证书认证中心"), .commonName("某某市中级 CA")],
            pathLengthConstraint: 0, validFor: 5 * year
        ).issue(for: interKey.publicKey, issuer: root, issuerKey: rootKey)
        let leaf = try X509CertificateBuilder.endEntity(
            subject: [.country("CN"), .stateOrProvince("某某省"), .organization("某某市人民政府"), .commonName("某某市人民政府")],
            validFor: year
        ).issue(for: leafKey.publicKey, issuer: intermediate, issuerKey: interKey)
        try ca.save(root, as: "root")
        try ca.save(intermediate, as: "inter")
        try ca.save(leaf, as: "leaf")
        return Chain(root: root, intermediate: intermediate, leaf: leaf)
    }

    @Test func sm2ChainIsAcceptedByOpenSSLAndGmsslLinkByLink() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let chain = try Self.issueChain(ca)

        #expect(try ca.acceptsLink("leaf.pem", issuedBy: "inter.pem"))
        #expect(try ca.acceptsLink("inter.pem", issuedBy: "root.pem"))
        #expect(try ca.gmsslAcceptsLink("leaf.pem", issuedBy: "inter.pem") != false)
        #expect(try ca.gmsslAcceptsLink("inter.pem", issuedBy: "root.pem") != false)
        #expect(try ca.gmsslAcceptsLink("root.pem", issuedBy: "root.pem") != false)
        #expect(try ca.gmsslAcceptsLink("leaf.pem", issuedBy: "root.pem") != true)

        let result = X509Verifier(trustRoots: [chain.root]).verify(chain.leaf, intermediates: [chain.intermediate])
        #expect(result.chain == [chain.leaf, chain.intermediate, chain.root], "\(String(describing: result.failure))")
    }

    @Test func sm2CAAndLeafPassOpenSSLVerify() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let rootKey = try ca.generateKey("root")
        let leafKey = try ca.generateKey("leaf")
        let root = try X509CertificateBuilder.certificateAuthority(
            subject: [.commonName("某某市测试 CA")], validFor: Self.year
        )
        .selfSigned(with: rootKey)
        let leaf = try X509CertificateBuilder.endEntity(subject: [.commonName("经办人")], validFor: Self.year)
            .issue(for: leafKey.publicKey, issuer: root, issuerKey: rootKey)
        try ca.save(root, as: "root")
        try ca.save(leaf, as: "leaf")

        let result = try ca.verify(leaf: "leaf.pem", root: "root.pem")
        #expect(result.status == 0, "\(result.stdoutText)\(result.stderrText)")
    }

    @Test(arguments: [OpenSSLPKI.KeyAlgorithm.p256, .ed25519])
    func otherAlgorithmsPassTheFullOpenSSLVerify(_ algorithm: OpenSSLPKI.KeyAlgorithm) throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let chain = try Self.issueChain(ca, algorithm: algorithm)
        let result = try ca.verify(leaf: "leaf.pem", root: "root.pem", intermediates: ["inter.pem"], sm2: false)
        #expect(result.status == 0, "\(result.stdoutText)\(result.stderrText)")
        #expect(chain.leaf.signatureAlgorithm == (algorithm == .p256 ? .ecdsaWithSHA256 : .ed25519))
        #expect(X509Verifier(trustRoots: [chain.root]).verify(chain.leaf, intermediates: [chain.intermediate]).isValid)
    }

    @Test func issuedFieldsReadBackAsOpenSSLPrintsThem() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let chain = try Self.issueChain(ca)
        let text = try ca.openssl(["x509", "-in", "inter.pem", "-noout", "-text", "-nameopt", "utf8"]).stdoutText

        #expect(text.contains("Signature Algorithm: SM2-with-SM3"))
        #expect(text.contains("Subject: C=CN, O=某某省数字证书认证中心, CN=某某市中级 CA"))
        #expect(text.contains("X509v3 Basic Constraints: critical\n                CA:TRUE, pathlen:0"))
        #expect(text.contains("X509v3 Key Usage: critical\n                Certificate Sign, CRL Sign"))
        #expect(chain.intermediate.authorityKeyIdentifier == chain.root.subjectKeyIdentifier)
        #expect(chain.leaf.authorityKeyIdentifier == chain.intermediate.subjectKeyIdentifier)
        #expect(chain.leaf.subject.description == "CN=某某市人民政府,O=某某市人民政府,ST=某某省,C=CN")
        #expect(chain.leaf.keyUsage == [.digitalSignature, .nonRepudiation])
        #expect(chain.leaf.serialNumber.bytes.count == 16)
    }

    /// asn1crypto, a strict independent DER reader, sees what GMCrypto meant to write.
    @Test func asn1cryptoReadsTheIssuedFields() throws {
        guard try Processes.pythonHas(["asn1crypto"]) else { return }
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let chain = try Self.issueChain(ca)
        let script = """
            import sys, json
            from asn1crypto import pem, x509
            _, _, der = pem.unarmor(open(sys.argv[1], 'rb').read())
            c = x509.Certificate.load(der)
            print(json.dumps({
                'subject': c.subject.native, 'issuer': c.issuer.native,
                'serial': format(c.serial_number, 'x'), 'notAfter': int(c.not_valid_after.timestamp()),
                'signature': c['signature_algorithm']['algorithm'].dotted,
                'ca': c.ca, 'pathLen': c.max_path_length, 'keyUsage': sorted(c.key_usage_value.native),
                'ski': c.key_identifier.hex(), 'aki': c.authority_key_identifier.hex(),
            }, ensure_ascii=False))
            """
        let result = try Processes.python(script, [ca.path("inter.pem")])
        let fields = try #require(
            try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any], "\(result.stderrText)")
        let intermediate = chain.intermediate
        #expect(
            fields["subject"] as? [String: String]
                == ["country_name": "CN", "organization_name": "某某省数字证书认证中心", "common_name": "某某市中级 CA"])
        #expect((fields["issuer"] as? [String: String])?["common_name"] == "某某省测试根 CA")
        #expect(fields["serial"] as? String == intermediate.serialNumber.description.drop { $0 == "0" }.description)
        #expect(fields["notAfter"] as? Int == Int(intermediate.notAfter.timeIntervalSince1970))
        #expect(fields["signature"] as? String == "1.2.156.10197.1.501")
        #expect(fields["ca"] as? Bool == true)
        #expect(fields["pathLen"] as? Int == 0)
        #expect(fields["keyUsage"] as? [String] == ["crl_sign", "key_cert_sign"])
        #expect(fields["ski"] as? String == intermediate.subjectKeyIdentifier.map(Hex.string))
        #expect(fields["aki"] as? String == chain.root.subjectKeyIdentifier.map(Hex.string))
    }

    @Test func explicitSerialAndValidityAreWrittenExactly() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let key = try ca.generateKey("k")
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        var builder = X509CertificateBuilder.endEntity(subject: [.commonName("x")], validFor: 86_400, from: start)
        builder.serialNumber = .init(bytes: [0x01, 0x02, 0x03])
        builder.notAfter = Date(timeIntervalSince1970: 2_600_000_000)  // after 2049: GeneralizedTime
        let certificate = try builder.selfSigned(with: key)
        #expect(certificate.serialNumber.description == "010203")
        #expect(certificate.notBefore == start)
        #expect(certificate.notAfter == builder.notAfter)
    }

    @Test func badRequestsAreTypedErrors() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let key = try ca.generateKey("k")
        let other = try ca.generateKey("other")
        let root = try X509CertificateBuilder.certificateAuthority(subject: [.commonName("root")], validFor: Self.year)
            .selfSigned(with: key)

        func reason(_ body: () throws -> X509Certificate) -> String? {
            do {
                _ = try body()
                return nil
            } catch {
                return (error as? X509Error)?.code
            }
        }
        let empty = X509CertificateBuilder.endEntity(subject: [], validFor: Self.year)
        #expect(reason { try empty.selfSigned(with: key) } == "x509.issue.invalid_request")
        var backwards = X509CertificateBuilder.endEntity(subject: [.commonName("x")], validFor: Self.year)
        backwards.notAfter = backwards.notBefore - 1
        #expect(reason { try backwards.selfSigned(with: key) } == "x509.issue.invalid_request")
        let wrongCountry = X509CertificateBuilder.endEntity(subject: [.country("CHN")], validFor: Self.year)
        #expect(reason { try wrongCountry.selfSigned(with: key) } == "x509.issue.invalid_request")
        let leaf = X509CertificateBuilder.endEntity(subject: [.commonName("x")], validFor: Self.year)
        #expect(
            reason { try leaf.issue(for: key.publicKey, issuer: root, issuerKey: other) }
                == "x509.issue.invalid_request")
        var negativePath = X509CertificateBuilder.certificateAuthority(subject: [.commonName("x")], validFor: Self.year)
        negativePath.basicConstraints = .init(isCertificateAuthority: true, pathLengthConstraint: -1)
        #expect(reason { try negativePath.selfSigned(with: key) } == "x509.issue.invalid_request")
    }
}
