import ESeal
import Foundation
import GMCertificates
import GMCrypto
import Testing

/// Revocation of the maker's and the signer's certificates, by CRLs of the test CA, each
/// on its own report line.
@Suite struct RevocationTests {
    /// A list of the test CA (made by OpenSSL) revoking `revoked` at the given dates.
    static func list(
        _ pki: TestPKI, revoking revoked: [(X509Certificate, Date)] = [],
        reason: X509RevocationList.ReasonCode = .keyCompromise
    ) throws -> X509RevocationList {
        let key = try X509Certificate.PrivateKey(
            pemRepresentation: String(contentsOf: pki.directory.appendingPathComponent("ca.key"), encoding: .utf8))
        var builder = X509RevocationListBuilder(crlNumber: 1, validFor: 7 * 86_400)
        for (certificate, date) in revoked { builder.revoke(certificate, at: date, reason: reason) }
        return try builder.issue(issuer: pki.ca, issuerKey: key)
    }

    static func verifier(
        _ pki: TestPKI, _ lists: [X509RevocationList], whenNoList: X509RevocationPolicy.Handling = .fail
    )
        -> SealVerifier
    {
        SealVerifier(
            trustAnchors: [pki.ca], revocation: SealVerifier.revocationPolicy(lists: lists, whenNoList: whenNoList))
    }

    @Test func nothingRevokedPassesBothLines() throws {
        let pki = try TestPKI.make()
        let report = Self.verifier(pki, [try Self.list(pki)]).verify(
            try pki.signature(), data: .bytes(TestPKI.document))
        #expect(report.isValid, "\(report.failures)")
        #expect(report.result(for: .makerCertificateRevocation)?.outcome == .passed)
        let signer = try #require(report.result(for: .signerCertificateRevocation))
        #expect(signer.outcome == .passed)
        #expect(signer.detail.contains("not revoked"))
    }

    @Test func signerRevokedBeforeSigningFails() throws {
        let pki = try TestPKI.make()
        let list = try Self.list(pki, revoking: [(pki.signer, Date().addingTimeInterval(-3_600))])
        let report = Self.verifier(pki, [list]).verify(try pki.signature(), data: .bytes(TestPKI.document))
        #expect(!report.isValid)
        #expect(report.failures.map(\.check) == [.signerCertificateRevocation])
        let line = try #require(report.result(for: .signerCertificateRevocation))
        #expect(line.detail.contains("keyCompromise") && line.detail.contains("x509.revocation.revoked"))
        #expect(line.detail.contains(pki.signer.serialNumber.description))
        #expect(report.result(for: .makerCertificateRevocation)?.outcome == .passed)
    }

    /// Revoked a minute after the time the signature claims, verified two minutes after: by
    /// default the claim does not count, since a stolen key could back-date a signature.
    @Test func signerRevokedAfterTheClaimedSigningTimeFailsByDefault() throws {
        let pki = try TestPKI.make()
        let signature = try pki.signature()
        let signingTime = try #require(signature.signingTime)
        let list = try Self.list(pki, revoking: [(pki.signer, signingTime.addingTimeInterval(60))])
        let verifier = Self.verifier(pki, [list])
        #expect(verifier.revocationTime == .verification)
        #expect(
            verifier.verify(signature, data: .bytes(TestPKI.document), at: signingTime.addingTimeInterval(30)).isValid)
        let later = verifier.verify(signature, data: .bytes(TestPKI.document), at: signingTime.addingTimeInterval(120))
        #expect(later.failures.map(\.check) == [.signerCertificateRevocation])
        #expect(later.result(for: .makerCertificateRevocation)?.outcome == .passed)
    }

    /// The same, with the asserted times trusted (an archive): made with a good certificate.
    @Test func signerRevokedAfterTheClaimedSigningTimePassesWhenAssertedTimesAreTrusted() throws {
        let pki = try TestPKI.make()
        let signature = try pki.signature()
        let signingTime = try #require(signature.signingTime)
        let list = try Self.list(pki, revoking: [(pki.signer, signingTime.addingTimeInterval(60))])
        var verifier = Self.verifier(pki, [list])
        verifier.revocationTime = .asserted
        let report = verifier.verify(signature, data: .bytes(TestPKI.document), at: signingTime.addingTimeInterval(120))
        #expect(report.isValid, "\(report.failures)")
        // A revocation before the claimed time still fails.
        let earlier = try Self.list(pki, revoking: [(pki.signer, signingTime.addingTimeInterval(-60))])
        verifier.revocation = SealVerifier.revocationPolicy(lists: [earlier])
        #expect(
            verifier.verify(signature, data: .bytes(TestPKI.document)).failures.map(\.check) == [
                .signerCertificateRevocation
            ])
    }

    /// A seal verified on its own is judged at `at:` by default, at its creation when asserted.
    @Test func makerRevocationIsJudgedAtTheVerificationTime() throws {
        let pki = try TestPKI.make()
        let seal = try pki.seal()
        let list = try Self.list(pki, revoking: [(pki.maker, seal.createDate.addingTimeInterval(60))])
        var verifier = Self.verifier(pki, [list])
        let verificationTime = seal.createDate.addingTimeInterval(120)
        #expect(verifier.verify(seal, at: verificationTime).failures.map(\.check) == [.makerCertificateRevocation])
        verifier.revocationTime = .asserted
        #expect(verifier.verify(seal, at: verificationTime).isValid)
    }

    @Test func revokedMakerFailsTheSealAlone() throws {
        let pki = try TestPKI.make()
        let seal = try pki.seal()
        let list = try Self.list(pki, revoking: [(pki.maker, seal.createDate.addingTimeInterval(-60))])
        let report = Self.verifier(pki, [list]).verify(seal)
        #expect(report.failures.map(\.check) == [.makerCertificateRevocation])
        #expect(report.result(for: .signerCertificateRevocation) == nil)
    }

    @Test func missingListFailsOrWarns() throws {
        let pki = try TestPKI.make()
        let signature = try pki.signature()
        let hard = Self.verifier(pki, []).verify(signature)
        #expect(hard.failures.map(\.check) == [.makerCertificateRevocation, .signerCertificateRevocation])
        #expect(hard.failures.allSatisfy { $0.detail.contains("x509.revocation.no_list") })
        let soft = Self.verifier(pki, [], whenNoList: .warn).verify(signature, data: .bytes(TestPKI.document))
        #expect(soft.isValid)
        #expect(soft.result(for: .signerCertificateRevocation)?.detail.contains("warning") == true)
    }

    @Test func listOfAnotherCAIsNotTrusted() throws {
        let pki = try TestPKI.make()
        // A list naming the test CA but signed by another key is no list of the test CA.
        let otherKey = X509Certificate.PrivateKey.generate(.sm2)
        let impostor = try X509CertificateBuilder.certificateAuthority(subject: pki.ca.subject, validFor: 86_400)
            .selfSigned(with: otherKey)
        var builder = X509RevocationListBuilder(crlNumber: 1, validFor: 86_400)
        builder.revoke(pki.otherSigner, at: Date())
        let forged = try builder.issue(issuer: impostor, issuerKey: otherKey)
        let report = Self.verifier(pki, [forged]).verify(try pki.signature(), data: .bytes(TestPKI.document))
        let line = try #require(report.result(for: .signerCertificateRevocation))
        #expect(line.outcome == .failed)
        #expect(line.detail.contains("x509.revocation.list_signature_invalid"))
    }

    @Test func withoutRevocationTheReportHasNoRevocationLines() throws {
        let pki = try TestPKI.make()
        let report = SealVerifier(trustAnchors: [pki.ca]).verify(try pki.signature(), data: .bytes(TestPKI.document))
        #expect(report.isValid)
        #expect(report.result(for: .makerCertificateRevocation) == nil)
        #expect(report.result(for: .signerCertificateRevocation) == nil)
        let noAnchors = SealVerifier(revocation: SealVerifier.revocationPolicy(lists: [])).verify(
            try pki.signature(), data: .bytes(TestPKI.document))
        #expect(noAnchors.result(for: .signerCertificateRevocation)?.outcome == .notChecked)
    }
}
