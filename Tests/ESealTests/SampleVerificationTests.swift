import ESeal
import Foundation
import GMCertificates
import GMCrypto
import Testing
import ZWKitTestSupport

@Suite("Verifying the shared samples made by other implementations")
struct SampleVerificationTests {
    private static func date(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text) ?? .distantPast
    }

    @Test(
        "every sample seal's maker signature verifies, and each seal passes every check within its validity",
        arguments: [
            ("UserV1.esl", "2021-01-01T00:00:00Z"), ("UserV4.esl", "2021-01-01T00:00:00Z"),
            ("UserV5.esl", "2027-01-01T00:00:00Z"), ("UserV5_ts.esl", "2027-01-01T00:00:00Z"),
        ])
    func seals(file: String, within: String) throws {
        guard let bytes = try SampleFiles.eseal(file) else { return }
        let report = SealVerifier(mode: .integrityOnly).verifySeal(bytes, at: Self.date(within))
        #expect(report.result(for: .makerSignature)?.outcome == .passed, "\(report.checks)")
        #expect(report.result(for: .sealValidity)?.outcome == .passed)
        #expect(report.result(for: .makerCertificateChain)?.outcome == .notChecked)
        if file == "UserV5_ts.esl" {
            #expect(report.result(for: .timeStamp)?.outcome == .notChecked)
        }
        // The v5 seals were made (2026) with certificates that expired in 2022: reported, not hidden.
        let makerValid = report.result(for: .makerCertificateValidity)?.outcome
        #expect(makerValid == (file.hasPrefix("UserV5") ? .failed : .passed))
        #expect(report.isValid == !file.hasPrefix("UserV5"))
        #expect(report.verdict == (file.hasPrefix("UserV5") ? .invalid : .intact))
        // No root of theirs is at hand: verified in full they are never valid.
        let full = SealVerifier().verifySeal(bytes, at: Self.date(within))
        #expect(!full.isValid && full.trust == .notChecked)
    }

    @Test("an expired sample seal fails only the validity check")
    func expiredSeal() throws {
        guard let bytes = try SampleFiles.eseal("UserV4.esl") else { return }
        let report = SealVerifier().verifySeal(bytes, at: Self.date("2025-01-01T00:00:00Z"))
        #expect(report.failures.map(\.check) == [.sealValidity])
    }

    @Test(
        "both SignedValue samples verify: maker and signer signatures, certificate in the seal, zero data hash",
        arguments: SampleFiles.signatures)
    func signedValues(file: String) throws {
        guard let bytes = try SampleFiles.eseal(file) else { return }
        let report = SealVerifier().verifySignature(bytes, data: .digest([UInt8](repeating: 0, count: 32)))
        for check in [SealCheck.structure, .makerSignature, .signature, .signerCertificateInSeal, .dataHash] {
            #expect(report.result(for: check)?.outcome == .passed, "\(check): \(report.checks)")
        }
        let withoutData = SealVerifier().verifySignature(bytes)
        #expect(withoutData.result(for: .dataHash)?.outcome == .notChecked)
        let wrongData = SealVerifier().verifySignature(bytes, data: .bytes(Array("x".utf8)))
        #expect(wrongData.result(for: .dataHash)?.outcome == .failed)
    }

    @Test("SignedValueV4 is intact: it was signed in 2020 inside every validity period; untrusted without its root")
    func signedValueV4IsIntact() throws {
        guard let bytes = try SampleFiles.eseal("SignedValueV4.dat") else { return }
        let zero = ProtectedData.digest([UInt8](repeating: 0, count: 32))
        let report = SealVerifier(mode: .integrityOnly).verifySignature(bytes, data: zero)
        #expect(report.isValid && report.verdict == .intact, "\(report.failures)")
        let full = SealVerifier().verifySignature(bytes, data: zero)
        #expect(full.verdict == .untrusted && full.trust == .notChecked && !full.isValid)
        #expect(SealVerifier(mode: .integrityOnly).verifySignature(bytes).verdict == .incomplete)
    }

    @Test(
        "the signed OFD samples: dataHash is SM3 of Signature.xml and both signatures verify",
        arguments: SampleFiles.signedOFDs.map(\.file))
    func signedOFDs(file: String) throws {
        guard let signedValue = try SampleFiles.ofdMember(file, SampleFiles.signedValueMember),
            let signatureXML = try SampleFiles.ofdMember(file, SampleFiles.signatureXMLMember)
        else { return }
        let report = SealVerifier().verifySignature(signedValue, data: .bytes(signatureXML))
        for check in [SealCheck.makerSignature, .signature, .signerCertificateInSeal, .dataHash] {
            #expect(report.result(for: check)?.outcome == .passed, "\(file) \(check): \(report.checks)")
        }
        if file == "v4signed.ofd" {
            let codes = Set(report.warnings.map(\.code))
            #expect(codes.isSuperset(of: ["eseal.explicit_default_critical", "eseal.null_algorithm_parameters"]))
        }
    }

    @Test("the seals inside the OFD samples verify on their own")
    func ofdSeals() throws {
        for (file, member) in SampleFiles.signedOFDs {
            guard let member, let seal = try SampleFiles.ofdMember(file, member) else { continue }
            let report = SealVerifier(mode: .integrityOnly).verifySeal(seal, at: Self.date("2021-01-01T00:00:00Z"))
            #expect(report.isValid, "\(file): \(report.failures)")
        }
    }
}

@Suite("GM/T 0031 (v1) signatures")
struct Version1SignatureTests {
    @Test("a v1 signature over the v1 sample seal reads, with its UTCTime timeInfo, and its signature verifies")
    func version1() throws {
        guard let sealBytes = try SampleFiles.eseal("UserV1.esl"), let keyData = try SampleFiles.eseal("sign_key.pem"),
            let certData = try SampleFiles.eseal("sign_cert.pem")
        else { return }
        let key = try SM2.Signing.PrivateKey(pemRepresentation: String(decoding: keyData, as: UTF8.self))
        let certificate = try X509Certificate(pemRepresentation: String(decoding: certData, as: UTF8.self))
        let data = Array("v1 document".utf8)
        let toSign = try TBSSignV1(
            esealBytes: Array(sealBytes), timeInfo: Array("210801000000Z".utf8), dataHash: Array(SM3.hash(data: data)),
            propertyInfo: "doc.txt", cert: Array(certificate.derRepresentation),
            signatureAlgorithm: [1, 2, 156, 10197, 1, 501])
        let value = try key.signature(for: try toSign.derBytes(), userID: .default)
        let bytes = try SESSignatureV1(toSign: toSign, signature: Array(value.derRepresentation)).derBytes()

        let signature = try ElectronicSignature(derEncoded: bytes)
        #expect(signature.version == .v1 && signature.seal.version == .v1)
        #expect(signature.signingTime == ISO8601DateFormatter().date(from: "2021-08-01T00:00:00Z"))
        let report = SealVerifier().verify(signature, data: .bytes(data))
        for check in [SealCheck.structure, .makerSignature, .signature, .dataHash, .signerCertificateValidity] {
            #expect(report.result(for: check)?.outcome == .passed, "\(check): \(report.checks)")
        }
        // The v1 sample seal lists another certificate than the sample key's.
        #expect(report.failures.map(\.check) == [.signerCertificateInSeal])
    }
}
