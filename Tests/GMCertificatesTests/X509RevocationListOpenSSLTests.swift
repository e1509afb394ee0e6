import Foundation
import GMCertificates
import GMCrypto
import Testing
import ZWKitTestSupport

/// Revocation lists crossing between GMCrypto and OpenSSL (`openssl ca -gencrl`,
/// `openssl crl`), with asn1crypto as a third reader of the structure.
@Suite struct X509RevocationListOpenSSLTests {
    static let leafExtensions = ["basicConstraints=CA:FALSE", "keyUsage=critical,digitalSignature,nonRepudiation"]

    /// An SM2 CA by OpenSSL with two leaves, one revoked for key compromise (with an
    /// invalidity date), one superseded, and one left alone.
    static func opensslCA(_ ca: OpenSSLPKI) throws -> (root: X509Certificate, leaves: [X509Certificate]) {
        try ca.makeRoot("ca", subject: "/C=CN/O=某某省数字证书认证中心/CN=某某省 SM2 CA")
        var leaves: [X509Certificate] = []
        for name in ["a", "b", "c"] {
            try ca.makeIssued(
                name, subject: "/C=CN/CN=经办人 \(name)", issuer: "ca",
                extensions: leafExtensions + ["subjectKeyIdentifier=hash", "authorityKeyIdentifier=keyid"])
            leaves.append(try X509Certificate(pemRepresentation: ca.read("\(name).pem")))
        }
        try ca.prepareCA("ca")
        try ca.revoke("a.pem", ca: "ca", options: ["-crl_compromise", "20260102030405Z"])
        try ca.revoke("b.pem", ca: "ca", options: ["-crl_reason", "superseded"])
        return (try X509Certificate(pemRepresentation: ca.read("ca.pem")), leaves)
    }

    @Test func opensslListParsesFieldByField() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let (root, leaves) = try Self.opensslCA(ca)
        let list = try ca.generateList(ca: "ca", out: "ca.crl")

        #expect(list.version == 2)
        #expect(list.issuer == root.subject)
        #expect(list.signatureAlgorithm == .sm3WithSM2)
        #expect(list.crlNumberDescription == "1")
        #expect(list.authorityKeyIdentifier == root.subjectKeyIdentifier)
        #expect(list.entries.count == 2)
        let compromised = try #require(list.entry(for: leaves[0].serialNumber))
        #expect(compromised.reason == .keyCompromise)
        #expect(compromised.invalidityDate == Date(timeIntervalSince1970: 1_767_323_045))  // 2026-01-02T03:04:05Z
        #expect(list.entry(for: leaves[1].serialNumber)?.reason == .superseded)
        #expect(list.entry(for: leaves[2].serialNumber) == nil)

        // The same fields as an independent reader sees them.
        if let fields = try ca.asn1cryptoFields("ca.crl") {
            #expect(fields.version == "v2")
            #expect(fields.issuerCommonName == root.subject.commonName)
            #expect(fields.thisUpdate == list.thisUpdate.timeIntervalSince1970)
            #expect(fields.nextUpdate == list.nextUpdate?.timeIntervalSince1970)
            #expect(fields.crlNumber == list.crlNumberDescription)
            #expect(fields.authorityKeyIdentifier == list.authorityKeyIdentifier.map(Hex.string))
            #expect(fields.signatureAlgorithm == list.signatureAlgorithm.oid)
            #expect(fields.entries == list.entries.map(Self.fields))
        }
    }

    /// `openssl ca -gencrl -sigopt distid:…` signs with the standard SM2 ID, which GMCrypto
    /// verifies; without it OpenSSL 3.0 signs with an empty ID, which no other SM2
    /// implementation uses, and GMCrypto rejects the list.
    @Test func opensslListSignatureVerifiesOnlyWithTheStandardID() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let (root, leaves) = try Self.opensslCA(ca)
        let list = try ca.generateList(ca: "ca", out: "with-id.crl")
        #expect(list.isValidSignature(issuedBy: root))
        #expect(throws: X509RevocationListError.wrongIssuer(expected: leaves[0].subject, found: root.subject)) {
            try list.validateSignature(issuedBy: leaves[0])
        }
        let emptyID = try ca.generateList(ca: "ca", out: "empty-id.crl", sm2ID: false)
        #expect(throws: X509RevocationListError.badSignature) { try emptyID.validateSignature(issuedBy: root) }
    }

    /// A list by GMCrypto's builder reads back in OpenSSL and asn1crypto with the same
    /// fields; its SM2 signature verifies with `openssl dgst` over the tbsCertList
    /// asn1crypto cuts out.
    @Test func builderListReadsInOpenSSLAndAsn1crypto() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let (root, leaves) = try Self.opensslCA(ca)
        let key = try X509Certificate.PrivateKey(pemRepresentation: ca.read("ca.key"))
        let now = Date(timeIntervalSince1970: 1_780_000_000)
        var builder = X509RevocationListBuilder(crlNumber: 4242, validFor: 7 * 86_400, from: now)
        builder.revoke(leaves[0], at: now.addingTimeInterval(-60), reason: .keyCompromise, invalidityDate: now - 86_400)
        builder.revoke(leaves[1], at: now.addingTimeInterval(-30))
        let list = try builder.issue(issuer: root, issuerKey: key)
        try ca.write(list.pemRepresentation, to: "ours.crl")

        let text = try ca.openssl(["crl", "-in", "ours.crl", "-text", "-noout"]).stdoutText
        #expect(text.contains("Version 2"))
        #expect(text.range(of: "CRL Number: *\n *4242\n", options: .regularExpression) != nil, "\(text)")
        #expect(text.contains("Serial Number: \(leaves[0].serialNumber.description.uppercased())"))
        #expect(text.contains("Key Compromise"))
        #expect(text.contains("Invalidity Date"))
        #expect(text.contains("Signature Algorithm: SM2-with-SM3"))

        if let fields = try ca.asn1cryptoFields("ours.crl") {
            #expect(fields.thisUpdate == now.timeIntervalSince1970)
            #expect(fields.nextUpdate == now.timeIntervalSince1970 + 7 * 86_400)
            #expect(fields.crlNumber == "4242")
            #expect(fields.authorityKeyIdentifier == root.subjectKeyIdentifier.map(Hex.string))
            #expect(Set(fields.entries.map(\.serial)) == Set(list.entries.map(Self.fields).map(\.serial)))
            #expect(
                fields.entries.sorted { $0.serial < $1.serial }
                    == list.entries.map(Self.fields).sorted { $0.serial < $1.serial })
        }
        if try ca.splitList("ours.crl") {
            try ca.openssl(["pkey", "-in", "ca.key", "-pubout", "-out", "ca.pub"])
            let verified = try Processes.run(
                "openssl",
                [
                    "dgst", "-sm3", "-verify", "ca.pub", "-sigopt", OpenSSLPKI.distinguishingID, "-signature",
                    "ours.crl.sig", "ours.crl.tbs",
                ], currentDirectory: ca.directory)
            #expect(verified.stdoutText.contains("Verified OK"), "\(verified.stdoutText)\(verified.stderrText)")
        }
    }

    /// Pins why `openssl crl -verify` is not the SM2 cross-check: `X509_CRL_verify` uses the
    /// empty ID of OpenSSL 3.0 and a CRL has no way to carry another, so a list signed with
    /// the standard ID (by OpenSSL itself) fails there while a list with the empty ID passes.
    @Test func opensslCRLVerifyCannotCheckStandardSM2Lists() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        _ = try Self.opensslCA(ca)
        _ = try ca.generateList(ca: "ca", out: "with-id.crl")
        _ = try ca.generateList(ca: "ca", out: "empty-id.crl", sm2ID: false)
        let standard = try ca.openssl(["crl", "-in", "with-id.crl", "-CAfile", "ca.pem", "-verify", "-noout"])
        let empty = try ca.openssl(["crl", "-in", "empty-id.crl", "-CAfile", "ca.pem", "-verify", "-noout"])
        withKnownIssue("OpenSSL 3.0 verifies SM2 CRLs with an empty distinguishing ID") {
            #expect((standard.stdoutText + standard.stderrText).contains("verify OK"))
        }
        #expect((empty.stdoutText + empty.stderrText).contains("verify OK"))
    }

    /// P-256 and Ed25519 lists by GMCrypto pass `openssl crl -verify`, which has no ID trap.
    @Test(arguments: [X509Certificate.PrivateKey.Algorithm.p256, .ed25519])
    func builderListVerifiesInOpenSSL(algorithm: X509Certificate.PrivateKey.Algorithm) throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let key = X509Certificate.PrivateKey.generate(algorithm)
        let root = try X509CertificateBuilder.certificateAuthority(
            subject: [.commonName("CA \(algorithm)")], validFor: 86_400
        )
        .selfSigned(with: key)
        var builder = X509RevocationListBuilder(crlNumber: 1, validFor: 3_600)
        builder.revoke(.init(bytes: [0x01, 0x02, 0x03]), at: Date(), reason: .cessationOfOperation)
        let list = try builder.issue(issuer: root, issuerKey: key)
        #expect(list.isValidSignature(issuedBy: root))
        try ca.save(root, as: "root")
        try ca.write(list.pemRepresentation, to: "list.crl")
        let result = try ca.openssl(["crl", "-in", "list.crl", "-CAfile", "root.pem", "-verify", "-noout"])
        #expect((result.stdoutText + result.stderrText).contains("verify OK"))

        // And the other way: one changed byte of the signed part, and OpenSSL refuses it too.
        var der = Array(list.derRepresentation)
        let position = try #require(Self.offset(of: Array("CA \(algorithm)".utf8), in: der))
        der[position] ^= 0x20
        let tampered = try X509RevocationList(derRepresentation: der)
        #expect(!tampered.isValidSignature(issuedBy: root))
        try ca.write(tampered.pemRepresentation, to: "tampered.crl")
        let refused = try ca.openssl(["crl", "-in", "tampered.crl", "-CAfile", "root.pem", "-verify", "-noout"])
        #expect(!(refused.stdoutText + refused.stderrText).contains("verify OK"))
    }

    /// The same verdicts as `openssl verify -crl_check` on a P-256 chain (no ID trap there):
    /// revoked with the list that names the leaf, good with the list that does not.
    @Test func revocationVerdictsMatchOpenSSLVerifyCRLCheck() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let key = X509Certificate.PrivateKey.generate(.p256)
        let root = try X509CertificateBuilder.certificateAuthority(subject: [.commonName("P-256 CA")], validFor: 86_400)
            .selfSigned(with: key)
        let leaf = try X509CertificateBuilder.endEntity(subject: [.commonName("leaf")], validFor: 3_600)
            .issue(for: X509Certificate.PrivateKey.generate(.p256).publicKey, issuer: root, issuerKey: key)
        try ca.save(root, as: "root")
        try ca.save(leaf, as: "leaf")
        var revoking = X509RevocationListBuilder(crlNumber: 2, validFor: 3_600)
        revoking.revoke(leaf, at: Date().addingTimeInterval(-60), reason: .keyCompromise)
        let lists = [
            ("empty", try X509RevocationListBuilder(crlNumber: 1, validFor: 3_600).issue(issuer: root, issuerKey: key)),
            ("revoking", try revoking.issue(issuer: root, issuerKey: key)),
        ]
        for (name, list) in lists {
            try ca.write(list.pemRepresentation, to: "\(name).crl")
            let openssl = try Processes.run(
                "openssl", ["verify", "-crl_check", "-CRLfile", "\(name).crl", "-CAfile", "root.pem", "leaf.pem"],
                currentDirectory: ca.directory)
            let ours = X509Verifier(trustRoots: [root]) { .notRevoked(by: [list]) }.verify(leaf)
            #expect((openssl.status == 0) == ours.isValid, "\(name): \(openssl.stdoutText)\(openssl.stderrText)")
            #expect(ours.isValid == (name == "empty"))
            if name == "revoking" {
                #expect((openssl.stdoutText + openssl.stderrText).contains("certificate revoked"))
            }
        }
    }

    static func fields(_ entry: X509RevocationList.Entry) -> OpenSSLPKI.ListFields.Entry {
        let names: [X509RevocationList.ReasonCode: String] = [
            .keyCompromise: "key_compromise", .superseded: "superseded", .unspecified: "unspecified",
        ]
        return .init(
            serial: String(entry.serialNumber.description.drop { $0 == "0" }),
            date: entry.revocationDate.timeIntervalSince1970,
            reason: entry.reason.map { names[$0] ?? $0.name }, invalidity: entry.invalidityDate?.timeIntervalSince1970)
    }

    static func offset(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }
    }
}
