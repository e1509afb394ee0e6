import ESeal
import Foundation
import GMCrypto
import Testing
import ZWKitTestSupport

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
        let report = SealVerifier().verify(seal)
        #expect(report.isValid, "\(report.failures)")
        #expect(report.warnings.map(\.kind) == [.rawSignatureValue])
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
        let report = SealVerifier().verify(seal)
        #expect(report.isValid)
        #expect(report.warnings.map(\.kind) == [.explicitDefaultCritical])
    }

    @Test("policies compose with the fixed checks, each on its own report line")
    func policies() throws {
        let pki = try TestPKI.make()
        let signature = try pki.signature()
        let allowed = SealVerifier {
            AllowedSealTypes([1, 2])
            TrustedSealMakers([pki.maker])
            ClockSkewPolicy(maximumSkew: 300)
        }.verify(signature)
        #expect(allowed.isValid)
        #expect(
            allowed.checks.filter { $0.check == .policy }.map(\.name) == [
                "allowedSealTypes", "trustedSealMakers", "clockSkew",
            ])
        let strict = true
        let refused = SealVerifier {
            AllowedSealTypes([2])
            if strict { TrustedSealMakers([pki.signer]) }
            ClockSkewPolicy(maximumSkew: 0, now: { Date(timeIntervalSince1970: 0) })
        }.verify(signature)
        #expect(refused.failures.map(\.name) == ["allowedSealTypes", "trustedSealMakers", "clockSkew"])
        #expect(refused.failures.allSatisfy { $0.check == .policy })
    }

    @Test("chains: a certificate from another CA fails its chain check, with the reason")
    func foreignAnchor() throws {
        let pki = try TestPKI.make()
        let signature = try pki.signature()
        let report = SealVerifier(trustAnchors: [pki.maker]).verify(signature)
        #expect(report.result(for: .makerCertificateChain)?.outcome == .passed)
        #expect(report.result(for: .signerCertificateChain)?.outcome == .failed)
        #expect(SealVerifier(trustAnchors: [pki.ca]).verify(signature).isValid)
    }

    @Test("errors carry a stable code and the Chinese term")
    func errorTerms() {
        let error = ESealError.malformed("x")
        #expect(error.code == "malformed")
        #expect(error.description.contains("数据格式错误"))
        #expect(SealCheck.makerSignature.term == "制章人签名")
    }
}
