import ESeal
import Foundation
import GMCertificates
import Testing
import ZhengwuKitCore

/// Times a seal states about itself before the certificate that vouches for them: accepted
/// with a named warning by default, refused by `StrictSealTimes`; after a certificate expired,
/// never accepted.
@Suite("Self-asserted times")
struct SelfAssertedTimeTests {
    private static let day: TimeInterval = 86_400

    /// A seal made (by its own statement) `before` seconds before the maker certificate began,
    /// valid from ten days ago.
    private func seal(createdBefore before: TimeInterval) throws -> ElectronicSeal {
        let pki = try TestPKI.make()
        var builder = try pki.builder()
        builder.validStart = Date().addingTimeInterval(-10 * Self.day)
        builder.createDate = pki.maker.notBefore.addingTimeInterval(-before)
        return try builder.make(makerKey: pki.makerKey, makerCertificate: pki.maker)
    }

    @Test("a seal made three days before its maker certificate verifies, with the named warning")
    func madeBeforeMakerCertificate() throws {
        let pki = try TestPKI.make()
        let seal = try seal(createdBefore: 3 * Self.day)
        let report = SealVerifier(trustAnchors: [pki.ca]).verify(seal)
        #expect(report.verdict == .trusted && report.isValid, "\(report.failures)")
        #expect(report.warnings.map(\.code) == ["eseal.seal_made_before_maker_certificate"])
        let warning = try #require(report.warnings.first)
        #expect(warning.message.contains("3.0 days") && warning.chineseTerm == "制章时间早于制章人证书生效时间")
        let validity = try #require(report.result(for: .makerCertificateValidity))
        #expect(validity.outcome == .passed && validity.detail.contains("eseal.seal_made_before_maker_certificate"))
        // Its chain is proven at the certificate's notBefore, not at the impossible stated date.
        #expect(report.result(for: .makerCertificateChain)?.outcome == .passed)
    }

    @Test("the strict policy turns the warning into a failure of its own line")
    func strictRefuses() throws {
        let pki = try TestPKI.make()
        let seal = try seal(createdBefore: 3 * Self.day)
        let report = SealVerifier(trustAnchors: [pki.ca]) { StrictSealTimes() }.verify(seal)
        #expect(report.verdict == .invalid && !report.isValid)
        let line = try #require(report.failures.first)
        #expect(report.failures.count == 1 && line.check == .policy && line.name == "strictSealTimes")
        #expect(line.detail.contains("eseal.seal_made_before_maker_certificate"))
        // A strict policy naming only other warnings lets it pass.
        let other = SealVerifier(trustAnchors: [pki.ca]) { StrictSealTimes([.signedBeforeSignerCertificate]) }
        #expect(other.verify(seal).verdict == .trusted)
        // A seal made inside its certificate's validity meets the strict policy.
        #expect(SealVerifier(trustAnchors: [pki.ca]) { StrictSealTimes() }.verify(try pki.seal()).isValid)
    }

    @Test("a seal stated as made after its maker certificate expired fails, strict or not")
    func madeAfterExpiry() throws {
        let pki = try TestPKI.make()
        var builder = try pki.builder()
        builder.createDate = pki.maker.notAfter.addingTimeInterval(Self.day)
        let seal = try builder.make(makerKey: pki.makerKey, makerCertificate: pki.maker)
        let report = SealVerifier(trustAnchors: [pki.ca]).verify(seal)
        #expect(report.failures.first?.check == .makerCertificateValidity)
        #expect(report.verdict == .invalid && report.warnings.isEmpty)
    }

    @Test(
        "a signature stated as signed before its signer certificate and its seal: two warnings, trusted; strict fails")
    func signedBeforeSignerCertificate() throws {
        let pki = try TestPKI.make()
        var builder = try pki.builder()
        builder.validStart = Date().addingTimeInterval(-10 * Self.day)
        builder.createDate = pki.maker.notBefore
        let seal = try builder.make(makerKey: pki.makerKey, makerCertificate: pki.maker)
        let signingTime = pki.signer.notBefore.addingTimeInterval(-2 * Self.day)
        let signature = try SealSigner(privateKey: pki.signerKey, certificate: pki.signer)
            .sign(seal: seal, data: .bytes(TestPKI.document), propertyInfo: "doc.txt", at: signingTime)
        let data = ProtectedData.bytes(TestPKI.document)
        let report = SealVerifier(trustAnchors: [pki.ca]).verify(signature, data: data)
        #expect(report.verdict == .trusted, "\(report.failures)")
        #expect(
            Set(report.warnings.map(\.code)) == [
                "eseal.signed_before_signer_certificate", "eseal.signed_before_seal_made",
            ])
        #expect(report.result(for: .signerCertificateChain)?.outcome == .passed)
        let strict = SealVerifier(trustAnchors: [pki.ca]) { StrictSealTimes([.signedBeforeSignerCertificate]) }
            .verify(signature, data: data)
        #expect(strict.verdict == .invalid)
        #expect(strict.failures.map(\.name) == ["strictSealTimes"])
        #expect(strict.failures.first?.detail.contains("eseal.signed_before_seal_made") == false)
    }

    @Test("a signature stated as signed after its signer certificate expired fails")
    func signedAfterExpiry() throws {
        let pki = try TestPKI.make()
        var builder = try pki.builder()
        builder.validEnd = pki.signer.notAfter.addingTimeInterval(30 * Self.day)
        let seal = try builder.make(makerKey: pki.makerKey, makerCertificate: pki.maker)
        let signature = try SealSigner(privateKey: pki.signerKey, certificate: pki.signer)
            .sign(
                seal: seal, data: .bytes(TestPKI.document), propertyInfo: "doc.txt",
                at: pki.signer.notAfter.addingTimeInterval(Self.day))
        let report = SealVerifier(trustAnchors: [pki.ca]).verify(signature, data: .bytes(TestPKI.document))
        #expect(report.failures.map(\.check).contains(.signerCertificateValidity))
        #expect(report.verdict == .invalid)
    }
}
