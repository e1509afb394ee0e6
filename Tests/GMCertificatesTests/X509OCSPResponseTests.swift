import Foundation
import GMCertificates
import GMCrypto
import Testing
import ZWKitTestSupport

/// Offline OCSP responses made by `openssl ocsp` (an SM2 CA and a delegated responder),
/// verified by GMCrypto.
@Suite struct X509OCSPResponseTests {
    struct Fixture {
        let ca: OpenSSLPKI
        let root: X509Certificate
        let revoked: X509Certificate
        let good: X509Certificate
        let stranger: X509Certificate

        init() throws {
            ca = try OpenSSLPKI()
            let (root, leaves) = try X509RevocationListOpenSSLTests.opensslCA(ca)
            self.root = root
            (revoked, good) = (leaves[0], leaves[2])
            // `openssl ocsp -index` answers "good" only for certificates its database lists as valid.
            try ca.openssl(["ca", "-config", "ca.cnf", "-valid", "c.pem"])
            // Issued by the CA but absent from its database: the responder does not know it.
            try ca.makeIssued("d", subject: "/CN=stranger", issuer: "ca", extensions: ["basicConstraints=CA:FALSE"])
            stranger = try X509Certificate(pemRepresentation: ca.read("d.pem"))
            try ca.makeIssued(
                "responder", subject: "/C=CN/CN=OCSP 响应者", issuer: "ca",
                extensions: [
                    "basicConstraints=CA:FALSE", "keyUsage=critical,digitalSignature", "extendedKeyUsage=OCSPSigning",
                ])
        }

        /// A response about a.pem, c.pem and d.pem, signed by `signer` (`ca` or `responder`).
        func response(signer: String = "ca", digest: String = "-sm3", sm2ID: Bool = true, extra: [String] = [])
            throws -> X509OCSPResponse
        {
            try ca.makeOCSPResponse(
                about: ["a.pem", "c.pem", "d.pem"], database: "db-ca/index.txt", signer: signer, out: "resp.der",
                requestDigest: digest, sm2ID: sm2ID, extra: extra)
            return try X509OCSPResponse(
                derRepresentation: Data(contentsOf: ca.directory.appendingPathComponent("resp.der")))
        }
    }

    @Test func responseByTheCAAnswersEachCertificate() throws {
        let fixture = try Fixture()
        defer { fixture.ca.cleanUp() }
        let response = try fixture.response()
        #expect(response.responderID == .byName(fixture.root.subject))
        #expect(response.responses.count == 3)
        #expect(response.signatureAlgorithm == .sm3WithSM2)
        let now = Date()
        #expect(try response.status(of: fixture.good, issuedBy: fixture.root, at: now) == .good)
        guard
            case .revoked(let date, let reason) = try response.status(
                of: fixture.revoked, issuedBy: fixture.root, at: now)
        else {
            Issue.record("a.pem is revoked in the CA's database")
            return
        }
        #expect(reason == .keyCompromise)
        #expect(date <= now)
        #expect(try response.status(of: fixture.stranger, issuedBy: fixture.root, at: now) == .unknown)
        // Before its revocation the certificate was good, when a later answer may speak for that time.
        #expect(
            try response.status(
                of: fixture.revoked, issuedBy: fixture.root, at: date - 60, acceptsLaterResponses: true) == .good)
    }

    @Test(arguments: ["-sha1", "-sha256", "-sm3"])
    func certIDHashesAndDelegatedResponder(digest: String) throws {
        let fixture = try Fixture()
        defer { fixture.ca.cleanUp() }
        let byName = try fixture.response(signer: "responder", digest: digest)
        #expect(byName.certificates.map(\.subject.commonName) == ["OCSP 响应者"])
        #expect(try byName.status(of: fixture.good, issuedBy: fixture.root, at: Date()) == .good)
        let byKey = try fixture.response(signer: "responder", digest: digest, extra: ["-resp_key_id"])
        guard case .byKey = byKey.responderID else {
            Issue.record("-resp_key_id names the responder by key")
            return
        }
        #expect(try byKey.status(of: fixture.good, issuedBy: fixture.root, at: Date()) == .good)
    }

    @Test func responderWithoutOCSPSigningIsNotAuthorized() throws {
        let fixture = try Fixture()
        defer { fixture.ca.cleanUp() }
        // c.pem is a certificate of the CA, but not one delegated to sign OCSP responses.
        let response = try fixture.response(signer: "c")
        #expect(throws: X509OCSPError.responderNotAuthorized) {
            try response.status(of: fixture.good, issuedBy: fixture.root, at: Date())
        }
    }

    @Test func wrongIssuerEmptyIDTamperingAndTimeAreRejected() throws {
        let fixture = try Fixture()
        defer { fixture.ca.cleanUp() }
        let response = try fixture.response()
        let now = Date()
        // The leaf given as its own issuer: the wrong issuer is named before the responder is sought.
        #expect(throws: X509OCSPError.certificateNotIssuedBy) {
            try response.status(of: fixture.good, issuedBy: fixture.good, at: now)
        }
        let emptyID = try fixture.response(sm2ID: false)
        #expect(throws: X509OCSPError.badSignature) {
            try emptyID.status(of: fixture.good, issuedBy: fixture.root, at: now)
        }
        // Turn "good" ([0] NULL after the good certificate's serial) into "unknown" ([2] NULL).
        var der = Array(response.derRepresentation)
        let serial = fixture.good.serialNumber.bytes
        let position = try #require(X509RevocationListOpenSSLTests.offset(of: serial + [0x80, 0x00], in: der))
        der[position + serial.count] = 0x82
        #expect(
            try X509OCSPResponse(derRepresentation: der).responses.contains {
                $0.status == .unknown && $0.certID.serialNumber == fixture.good.serialNumber
            })
        #expect(throws: X509OCSPError.badSignature) {
            try X509OCSPResponse(derRepresentation: der).status(of: fixture.good, issuedBy: fixture.root, at: now)
        }
        #expect(throws: X509OCSPError.self) {
            try response.status(of: fixture.good, issuedBy: fixture.root, at: now + 2 * 86_400)
        }
        #expect(throws: X509OCSPError.self) {
            try response.status(of: fixture.good, issuedBy: fixture.root, at: now - 86_400)
        }
    }

    /// A response names certificates by issuer and serial only, so the answer about the CA's
    /// certificate with serial S must not be taken for another CA's certificate that happens
    /// to carry S when the wrong issuer is given (`zwkit cert ocsp --issuer` with a mistake).
    @Test func anotherIssuersCertificateWithTheSameSerialGetsNoAnswer() throws {
        let fixture = try Fixture()
        defer { fixture.ca.cleanUp() }
        let response = try fixture.response()
        let otherKey = X509Certificate.PrivateKey.generate(.sm2)
        let other = try X509CertificateBuilder.certificateAuthority(subject: [.commonName("Other CA")], validFor: 3_600)
            .selfSigned(with: otherKey)
        for (answered, expected) in [(fixture.good, "good"), (fixture.revoked, "revoked")] {
            let lookalike = try X509CertificateBuilder(
                subject: [.commonName("lookalike")], serialNumber: answered.serialNumber, notBefore: Date() - 60,
                notAfter: Date() + 3_600
            ).issue(for: X509Certificate.PrivateKey.generate(.sm2).publicKey, issuer: other, issuerKey: otherKey)
            #expect(lookalike.serialNumber == answered.serialNumber)
            #expect(throws: X509OCSPError.certificateNotIssuedBy, "the \(expected) answer was taken") {
                try response.status(of: lookalike, issuedBy: fixture.root, at: Date())
            }
            #expect(response.response(for: lookalike, issuedBy: fixture.root) == nil)
        }
    }

    /// One response answering twice about a certificate, "good" and "revoked": the
    /// revocation answers, whichever comes first (as a revoking response outweighs a good one).
    @Test func aRevokingAnswerOutweighsAGoodOneInTheSameResponse() throws {
        let fixture = try Fixture()
        defer { fixture.ca.cleanUp() }
        // The CertID openssl names the good certificate by, taken from its request.
        try fixture.ca.openssl([
            "ocsp", "-issuer", "ca.pem", "-sha1", "-cert", "c.pem", "-no_nonce", "-reqout", "one.der",
        ])
        let request = [UInt8](try Data(contentsOf: fixture.ca.directory.appendingPathComponent("one.der")))
        let certID = try #require(
            DERSplice.children(request).first.flatMap { DERSplice.children($0).last }
                .flatMap { DERSplice.children($0).first }.flatMap { DERSplice.children($0).first })
        let time = DERSplice.tlv(0x18, Array("20260101000000Z".utf8))
        let good = DERSplice.sequence([certID, [0x80, 0x00], time])
        let revoked = DERSplice.sequence([certID, DERSplice.tlv(0xA1, time), time])
        for answers in [[good, revoked], [revoked, good]] {
            let responseData = DERSplice.sequence([
                DERSplice.tlv(0xA2, DERSplice.tlv(0x04, Array(repeating: 0x11, count: 20))), time,
                DERSplice.sequence(answers),
            ])
            let algorithm = DERSplice.sequence([DERSplice.tlv(0x06, [0x2A, 0x81, 0x1C, 0xCF, 0x55, 0x01, 0x83, 0x75])])
            let basic = DERSplice.sequence([responseData, algorithm, DERSplice.tlv(0x03, [0x00, 0x01])])
            let basicType = DERSplice.tlv(0x06, [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x01])
            let response = try X509OCSPResponse(
                derRepresentation: DERSplice.sequence([
                    DERSplice.tlv(0x0A, [0x00]),
                    DERSplice.tlv(0xA0, DERSplice.sequence([basicType, DERSplice.tlv(0x04, basic)])),
                ]))
            #expect(response.responses.count == 2)
            guard case .revoked = response.response(for: fixture.good, issuedBy: fixture.root)?.status else {
                Issue.record("a good answer hid the revocation beside it")
                continue
            }
        }
    }

    /// Pins that `openssl ocsp -verify_other`/`-CAfile` cannot check a standard SM2
    /// response: like CRLs, OCSP responses have no place for the ID in OpenSSL 3.0.
    @Test func opensslCannotVerifyItsOwnStandardSM2Response() throws {
        let fixture = try Fixture()
        defer { fixture.ca.cleanUp() }
        _ = try fixture.response()
        let result = try Processes.run(
            "openssl", ["ocsp", "-respin", "resp.der", "-CAfile", "ca.pem", "-no_nonce"],
            currentDirectory: fixture.ca.directory)
        withKnownIssue("OpenSSL 3.0 verifies SM2 OCSP responses with an empty distinguishing ID") {
            #expect((result.stdoutText + result.stderrText).contains("Response verify OK"))
        }
    }

    /// In the chain verifier, a response answers before lists; an `unknown` answer leaves the
    /// certificate to the lists (here none, so the default hard check fails it).
    @Test func responsesAnswerInTheRevocationPolicy() throws {
        let fixture = try Fixture()
        defer { fixture.ca.cleanUp() }
        let response = try fixture.response()
        func verify(_ leaf: X509Certificate) -> X509VerificationResult {
            X509Verifier(trustRoots: [fixture.root]) { .notRevoked(by: [], responses: [response]) }.verify(leaf)
        }
        #expect(verify(fixture.good).isValid, "\(String(describing: verify(fixture.good).failure))")
        let statuses = X509RevocationPolicy(lists: [], responses: [response])
            .statuses(of: [fixture.good, fixture.root], at: Date())
        #expect(statuses.first?.response == response && statuses.first?.list == nil)
        guard case .revocation(.revoked(let entry)) = verify(fixture.revoked).failure?.reason else {
            Issue.record("the response revokes a.pem")
            return
        }
        #expect(entry.reason == .keyCompromise && entry.serialNumber == fixture.revoked.serialNumber)
        #expect(verify(fixture.stranger).failure?.reason == .revocation(.noList(issuer: fixture.root.subject)))
    }

    /// A list the issuer signed that revokes a certificate outweighs a "good" response (a
    /// responder lagging behind its CA, or a good answer saved before the revocation), as a
    /// revoking response outweighs a good one; a list that does not name it changes nothing.
    @Test func aRevokingListOutweighsAGoodResponse() throws {
        let fixture = try Fixture()
        defer { fixture.ca.cleanUp() }
        let response = try fixture.response()
        let key = try X509Certificate.PrivateKey(pemRepresentation: fixture.ca.read("ca.key"))
        let revokedAt = Date().addingTimeInterval(-60)
        var revoking = X509RevocationListBuilder(crlNumber: 2, validFor: 3_600, from: revokedAt)
        revoking.revoke(fixture.good, at: revokedAt, reason: .keyCompromise)
        let list = try revoking.issue(issuer: fixture.root, issuerKey: key)
        let other = try X509RevocationListBuilder(crlNumber: 3, validFor: 3_600, from: revokedAt)
            .issue(issuer: fixture.root, issuerKey: key)
        #expect(
            try response.status(of: fixture.good, issuedBy: fixture.root, at: Date(), acceptsLaterResponses: true)
                == .good)
        let status = X509RevocationPolicy(lists: [list], responses: [response])
            .statuses(of: [fixture.good, fixture.root], at: Date()).first
        guard case .revoked(let entry) = status?.failure else {
            Issue.record("a good response hid the list's revocation: \(String(describing: status))")
            return
        }
        #expect(entry.reason == .keyCompromise && status?.isFatal == true && status?.list == list)
        // A list that does not name the certificate leaves the response's answer.
        let passing = X509RevocationPolicy(lists: [other], responses: [response])
            .statuses(of: [fixture.good, fixture.root], at: Date()).first
        #expect(passing?.failure == nil && passing?.response == response)
    }

    @Test func malformedAndUnsuccessfulResponsesAreTyped() throws {
        #expect(throws: X509OCSPError.unsuccessful(.tryLater)) {
            try X509OCSPResponse(derRepresentation: [0x30, 0x03, 0x0A, 0x01, 0x03])
        }
        #expect(throws: X509OCSPError.self) { try X509OCSPResponse(derRepresentation: [0x30, 0x03, 0x0A, 0x01, 0x04]) }
        let fixture = try Fixture()
        defer { fixture.ca.cleanUp() }
        let response = try fixture.response()
        let der = Array(response.derRepresentation)
        #expect(try X509OCSPResponse(derRepresentation: der).responses == response.responses)
        for length in 0..<der.count {
            #expect(throws: X509OCSPError.self) { try X509OCSPResponse(derRepresentation: der[0..<length]) }
        }
    }
}

extension X509OCSPResponseTests {
    /// A `good` answer older than the policy's `maximumAge` vouches for nothing (the lists
    /// decide, and here there are none); a revoking answer counts whatever its age.
    @Test func aGoodAnswerOlderThanTheMaximumAgeIsIgnored() throws {
        let fixture = try Fixture()
        defer { fixture.ca.cleanUp() }
        let response = try fixture.response()
        let twoHoursOn = Date().addingTimeInterval(7_200)
        func verify(_ leaf: X509Certificate, maximumAge: TimeInterval?) -> X509VerificationResult {
            X509Verifier(trustRoots: [fixture.root]) {
                .notRevoked(by: [], responses: [response], maximumAge: maximumAge)
            }.verify(leaf, at: twoHoursOn)
        }
        #expect(verify(fixture.good, maximumAge: nil).isValid)
        #expect(verify(fixture.good, maximumAge: 4 * 3_600).isValid)
        #expect(
            verify(fixture.good, maximumAge: 3_600).failure?.reason
                == .revocation(.noList(issuer: fixture.root.subject)))
        #expect(verify(fixture.revoked, maximumAge: 3_600).failure?.code == "x509.revocation.revoked")
    }
}
