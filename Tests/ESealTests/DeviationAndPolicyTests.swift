import ESeal
import Foundation
import GMCrypto
import Testing
import ZWKitTestSupport
import ZhengwuKitCore

@Suite("Field deviations are accepted as warnings; department policies compose")
struct DeviationAndPolicyTests {
    /// The maker's signature re-stored as raw r‖s, as some vendors do.
    private func rawSignatureSeal(_ pki: TestPKI) throws -> ElectronicSeal {
        let seal = try pki.seal()
        guard case .v4(let structure) = seal.structure else { throw ESealError.malformed("not v4") }
        let raw = try SM2.Signing.Signature(derRepresentation: structure.signedValue).rawRepresentation
        let restored = try SESeal(
            sealInfoBytes: structure.sealInfoBytes, cert: structure.cert, signAlgID: structure.signAlgID,
            signedValue: Array(raw))
        return try ElectronicSeal(derEncoded: try restored.derBytes())
    }

    @Test("a raw r‖s maker signature verifies and is reported as a warning")
    func rawSignature() throws {
        let pki = try TestPKI.make()
        let seal = try rawSignatureSeal(pki)
        #expect(seal.signatureValue.count == 64)
        let report = SealVerifier(trustAnchors: [pki.ca]).verify(seal)
        #expect(report.isValid, "\(report.failures)")
        #expect(report.warnings.map(\.code) == ["eseal.raw_signature_value"])
        #expect(seal.deviations.map(\.kind) == [.rawSignatureValue])
        var tampered = seal.signatureValue
        tampered[10] ^= 1
        guard case .v4(let structure) = seal.structure else { return }
        let bad = try SESeal(
            sealInfoBytes: structure.sealInfoBytes, cert: structure.cert, signAlgID: structure.signAlgID,
            signedValue: tampered)
        #expect(SealVerifier().verifySeal(try bad.derBytes()).result(for: .makerSignature)?.outcome == .failed)
    }

    @Test("explicit critical FALSE in a made seal's extension is kept byte for byte and reported")
    func explicitCritical() throws {
        let pki = try TestPKI.make()
        var builder = try pki.builder()
        var ext = ExtData(extnID: [1, 2, 156, 10197, 6, 7, 2, 2, 1], extnValue: Array("2.1".utf8))
        ext.criticalEncodedExplicitly = true
        builder.extDatas = [ext]
        let seal = try builder.make(makerKey: pki.makerKey, makerCertificate: pki.maker)
        #expect(seal.derRepresentation.firstRange(of: [0x01, 0x01, 0x00]) != nil)
        let report = SealVerifier(trustAnchors: [pki.ca]).verify(seal)
        #expect(report.isValid)
        #expect(report.warnings.map(\.code) == ["eseal.explicit_default_critical"])
    }

    @Test("policies compose with the fixed checks, each on its own report line")
    func policies() throws {
        let pki = try TestPKI.make()
        let signature = try pki.signature()
        let allowed = SealVerifier(trustAnchors: [pki.ca]) {
            AllowedSealTypes([1, 2])
            TrustedSealMakers([pki.maker])
            ClockSkewPolicy(maximumSkew: 300)
        }.verify(signature, data: .bytes(TestPKI.document))
        #expect(allowed.isValid, "\(allowed.failures)")
        #expect(
            allowed.checks.filter { $0.check == .policy }.map(\.name) == [
                "allowedSealTypes", "trustedSealMakers", "clockSkew",
            ])
        let strict = true
        let refused = SealVerifier(trustAnchors: [pki.ca]) {
            AllowedSealTypes([2])
            if strict { TrustedSealMakers([pki.signer]) }
            ClockSkewPolicy(maximumSkew: 0, now: { Date(timeIntervalSince1970: 0) })
        }.verify(signature)
        #expect(refused.failures.map(\.name) == ["allowedSealTypes", "trustedSealMakers", "clockSkew"])
        #expect(refused.failures.allSatisfy { $0.check == .policy && $0.role == .policy })
        #expect(refused.verdict == .invalid && !refused.isValid)
        #expect(refused.failures.first?.detail.contains("eseal.seal_type_not_allowed") == true)
    }

    @Test("chains: a certificate from another CA fails its chain check, with the reason")
    func foreignAnchor() throws {
        let pki = try TestPKI.make()
        let signature = try pki.signature()
        let data = TestPKI.document
        let report = SealVerifier(trustAnchors: [pki.maker]).verify(signature, data: .bytes(data))
        #expect(report.result(for: .makerCertificateChain)?.outcome == .passed)
        #expect(report.result(for: .signerCertificateChain)?.outcome == .failed)
        #expect(report.verdict == .untrusted && report.trust == .untrusted && !report.isValid)
        #expect(SealVerifier(trustAnchors: [pki.ca]).verify(signature, data: .bytes(data)).verdict == .trusted)
    }

    @Test("errors and warnings carry a stable eseal.rule code and the Chinese term")
    func errorTerms() {
        let error = ESealError.malformed("x")
        #expect(error.code == "eseal.malformed")
        #expect(error.chineseTerm == "数据格式错误")
        #expect(error.description == "malformed seal data: x (数据格式错误)")
        #expect(SealCheck.makerSignature.chineseTerm == "制章人签名")
        let errors: [ESealError] = [
            .malformed(""), .unsupportedVersion(9), .unexpectedDocument(expected: "a", found: "b"),
            .invalidParameter(""), .invalidCertificate(""), .keyCertificateMismatch(""), .crypto(""),
            .unreadableData(""),
        ]
        let codes = errors.map(\.code) + Deviation.Kind.allCases.map(\.code) + SealTimeWarning.allCases.map(\.code)
        #expect(Set(codes).count == codes.count)
        for code in codes {
            #expect(ZhengwuKitErrorCode.isWellFormed(code) && code.hasPrefix("eseal."), "\(code)")
        }
    }
}
