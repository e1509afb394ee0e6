import Foundation
import GMCertificates
import GMCrypto
import Testing
import ZWKitTestSupport

@Suite struct X509ParsingTests {
    @Test func readsAnOpenSSLMadeSM2RootWithChineseNames() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        try ca.makeRoot("root", subject: "/C=CN/O=测试根/CN=某某市人民政府")
        let root = try X509Certificate(pemRepresentation: ca.read("root.pem"))

        #expect(root.subject.commonName == "某某市人民政府")
        #expect(root.subject.description == "CN=某某市人民政府,O=测试根,C=CN")
        #expect(root.issuer == root.subject)
        #expect(root.version == 3)
        #expect(root.signatureAlgorithm == .sm3WithSM2)
        #expect(root.publicKey.algorithmName == "SM2")
        #expect(root.basicConstraints == .init(isCertificateAuthority: true))
        #expect(root.keyUsage == [.keyCertSign, .cRLSign])
        #expect(root.subjectKeyIdentifier?.count == 20)
        #expect(root.notAfter.timeIntervalSince(root.notBefore) == 30 * 86_400)
        #expect(root.isValidSignature(issuedBy: root))
    }

    @Test func fieldsMatchOpenSSLsOwnReading() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        try ca.makeRoot("root", subject: "/C=CN/CN=根")
        try ca.makeIssued(
            "leaf", subject: "/C=CN/O=某某市/CN=经办人", issuer: "root",
            extensions: [
                "basicConstraints=CA:FALSE", "keyUsage=digitalSignature,nonRepudiation",
                "extendedKeyUsage=clientAuth,emailProtection",
            ])
        let leaf = try X509Certificate(pemRepresentation: ca.read("leaf.pem"))
        let printed = try ca.openssl([
            "x509", "-in", "leaf.pem", "-noout", "-serial", "-fingerprint", "-sha256", "-enddate", "-nameopt", "utf8",
            "-subject",
        ]).stdoutText

        #expect(printed.contains("serial=\(leaf.serialNumber.description.uppercased())"))
        let fingerprint = leaf.sha256Fingerprint.map { String(format: "%02X", $0) }.joined(separator: ":")
        #expect(printed.contains("sha256 Fingerprint=\(fingerprint)"))
        #expect(printed.contains("subject=C=CN, O=某某市, CN=经办人"))
        let endDate = DateFormatter.openSSL.string(from: leaf.notAfter)
        #expect(printed.contains("notAfter=\(endDate)"), "\(printed) vs \(endDate)")
        #expect(leaf.keyUsage == [.digitalSignature, .nonRepudiation])
        #expect(leaf.extendedKeyUsage == [.clientAuth, .emailProtection])
        #expect(leaf.basicConstraints == .init(isCertificateAuthority: false))
        #expect(!leaf.isCertificateAuthority)
        #expect(leaf.issuer.commonName == "根")
    }

    @Test func readsTheSampleSealSignersCertificate() throws {
        guard let url = try Fixtures.shared("samples/eseal/sign_cert.pem") else { return }
        let certificate = try X509Certificate(pemRepresentation: String(contentsOf: url, encoding: .utf8))

        // Values as `openssl x509 -text` prints them for this file.
        #expect(certificate.serialNumber.description == "017af20e3374")
        #expect(certificate.subject.description == "CN=Test Certificate,L=Hangzhou,ST=Zhejiang,O=OFD R&W,C=CN")
        #expect(certificate.issuer.commonName == "OFD Reader and WriterROOT Certificate")
        #expect(certificate.signatureAlgorithm == .sm3WithSM2)
        #expect(certificate.publicKey.algorithmName == "SM2")
        #expect(certificate.keyUsage == [.digitalSignature, .nonRepudiation, .keyCertSign])
        #expect(certificate.extendedKeyUsage == [.clientAuth])
        #expect(certificate.basicConstraints?.isCertificateAuthority == false)
        #expect(certificate.notBefore == Date(timeIntervalSince1970: 1_627_558_654))
        #expect(certificate.notAfter == Date(timeIntervalSince1970: 1_690_630_654))
    }

    /// The signer certificate of a real tax e-invoice (taxation test CA), whose signature
    /// algorithm carries NULL parameters, taken out of the OFD by Python (zipfile, asn1crypto).
    @Test func readsTheTaxBureauSealCertificateWithNullParameters() throws {
        guard let url = try Fixtures.shared("samples/ofd/v4signed.ofd"), try Processes.pythonHas(["asn1crypto"]) else {
            return
        }
        let script = """
            import sys, zipfile
            from asn1crypto import core
            class Loose(core.SequenceOf):
                _child_spec = core.Any
            data = zipfile.ZipFile(sys.argv[1]).read('Doc_0/Signs/Sign_0/SignedValue.dat')
            print(core.OctetString.load(Loose.load(data)[1].dump()).native.hex())
            """
        let hex = try Processes.python(script, [url.path]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        let der = try Hex.bytes(hex)
        let nullParameters: [UInt8] = [
            0x30, 0x0C, 0x06, 0x08, 0x2A, 0x81, 0x1C, 0xCF, 0x55, 0x01, 0x83, 0x75, 0x05, 0x00,
        ]
        #expect(der[21..<35].elementsEqual(nullParameters))

        let certificate = try X509Certificate(derRepresentation: der)
        // As `openssl x509 -inform DER -text -nameopt utf8` prints this certificate.
        #expect(certificate.signatureAlgorithm == .sm3WithSM2)
        #expect(certificate.serialNumber.description == "0300000112d1")
        #expect(certificate.issuer.description == "CN=税务测试CA2(SM2),C=CN")
        #expect(certificate.subject.commonName == "全国统一发票监制章国家税务总局重庆市税务局")
        #expect(certificate.subject[.organizationalUnit] == "重庆市国家税务局")
        #expect(certificate.subject[.stateOrProvince] == "重庆")
        #expect(certificate.keyUsage == [.digitalSignature, .nonRepudiation, .keyEncipherment, .dataEncipherment])
        #expect(certificate.basicConstraints == .init(isCertificateAuthority: false))
        #expect(certificate.notBefore == Date(timeIntervalSince1970: 1_602_288_000))
        #expect(certificate.notAfter == Date(timeIntervalSince1970: 1_917_820_800))
        #expect(
            certificate.authorityKeyIdentifier
                == (try Hex.bytes("5eead0da63b35388ab94005379e0a42e8c3d6fc1")))
        #expect(certificate.publicKey.algorithmName == "SM2")
    }

    @Test func pemAndDERRoundTripByteForByte() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        try ca.makeRoot("root", subject: "/CN=Round Trip")
        let pem = try ca.read("root.pem")
        let certificate = try X509Certificate(pemRepresentation: pem)
        #expect(certificate.pemRepresentation == pem)
        let again = try X509Certificate(derRepresentation: certificate.derRepresentation)
        #expect(again == certificate)
    }

    @Test func readsABundleInOrder() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        try ca.makeRoot("a", subject: "/CN=A")
        try ca.makeRoot("b", subject: "/CN=B")
        let bundle = "# a comment line\n" + (try ca.read("a.pem")) + "\n" + (try ca.read("b.pem"))
        let certificates = try X509Certificate.certificates(pemBundle: bundle)
        #expect(certificates.map(\.subject.commonName) == ["A", "B"])
        #expect(throws: X509Error.self) { try X509Certificate(pemRepresentation: bundle) }
    }
}

extension DateFormatter {
    /// `notAfter=Dec  1 06:03:17 2026 GMT`, as `openssl x509 -enddate` prints it.
    static var openSSL: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "MMM ppd HH:mm:ss yyyy 'GMT'"
        return formatter
    }
}
