import ESeal
import Foundation
import GMCertificates
import GMCrypto
import ZhengwuKitCore

/// Makes a test CA, seal maker and signer, makes a seal (制章), signs a document (签章),
/// verifies it (验章) and shows a changed document refused.
struct ESealDemo: DemoSection {
    let title = "ESeal: electronic seals (GB/T 38540-2020)"

    /// A one-pixel PNG, the seal picture of the demos.
    static let pngForDemos: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00,
        0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF,
        0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func run() async throws {
        let validity: TimeInterval = 30 * 86_400
        let caKey = SM2.Signing.PrivateKey()
        let ca = try X509CertificateBuilder.certificateAuthority(
            subject: [.commonName("ZhengwuKit Demo CA")], validFor: validity
        ).selfSigned(with: .sm2(caKey))
        let makerKey = SM2.Signing.PrivateKey()
        let signerKey = SM2.Signing.PrivateKey()
        let maker = try X509CertificateBuilder.endEntity(subject: [.commonName("演示制章机构")], validFor: validity)
            .issue(for: .sm2(makerKey.publicKey), issuer: ca, issuerKey: .sm2(caKey))
        let signer = try X509CertificateBuilder.endEntity(subject: [.commonName("演示签章人")], validFor: validity)
            .issue(for: .sm2(signerKey.publicKey), issuer: ca, issuerKey: .sm2(caKey))
        Console.output("test PKI: \(ca.subject) issued \(maker.subject) and \(signer.subject)")

        let seal = try SealBuilder(
            name: "演示市行政审批局", type: 1,
            picture: try SealPicture(data: Self.pngForDemos, widthMillimetres: 40, heightMillimetres: 40),
            signerCertificates: [signer], validStart: Date(), validEnd: Date().addingTimeInterval(validity)
        ).make(makerKey: makerKey, makerCertificate: maker)
        Console.output("制章: \(seal.version) seal \"\(seal.name)\", \(seal.derRepresentation.count) bytes")

        let document = Array("准予行政许可决定书".utf8)
        let signature = try SealSigner(privateKey: signerKey, certificate: signer)
            .sign(seal: seal, data: .bytes(document), propertyInfo: "decision.txt")
        Console.output("签章: SES_Signature of \(signature.derRepresentation.count) bytes")

        let verifier = SealVerifier(trustAnchors: [ca]) { AllowedSealTypes([1]) }
        let report = verifier.verify(signature, data: .bytes(document))
        for check in report.checks { Console.output("  \(check)") }
        guard report.verdict == .trusted, report.isValid else {
            throw Failure(description: "the demo signature did not verify: \(report.verdict)")
        }
        Console.output("验章: \(report.verdict) (\(report.verdict.chineseTerm))")

        // Fail-closed: without trust anchors the same signature is intact but never valid.
        let anchorless = SealVerifier().verify(signature, data: .bytes(document))
        guard anchorless.verdict == .untrusted, !anchorless.isValid, anchorless.trust == .notChecked else {
            throw Failure(description: "a verifier without trust anchors did not answer untrusted")
        }
        Console.output("without trust anchors: \(anchorless.verdict), trust \(anchorless.trust.rawValue)")

        let changed = Array("不予行政许可决定书".utf8)
        let refused = verifier.verify(signature, data: .bytes(changed))
        guard refused.verdict == .invalid, refused.failures.map(\.check) == [.dataHash] else {
            throw Failure(description: "a changed document was not refused by the data hash check")
        }
        Console.output("tampered document refused: \(refused.failures[0])")
    }
}
