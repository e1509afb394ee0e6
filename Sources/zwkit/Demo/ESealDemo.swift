import ESeal
import Foundation
import GMCertificates
import GMCrypto
import ZhengwuKitCore

/// Makes a test CA, seal maker and signer, makes a seal (制章), signs a document (签章),
/// verifies it (验章) and shows a changed document refused.
struct ESealDemo: DemoSection {
    let title = "ESeal: electronic seals (GB/T 38540-2020)"

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func run() async throws {
        let pki = try DemoPKI(sealName: "演示市行政审批局")
        let (ca, maker, signer, seal) = (pki.ca, pki.maker, pki.signer, pki.seal)
        Console.output("test PKI: \(ca.subject) issued \(maker.subject) and \(signer.subject)")
        Console.output("制章: \(seal.version) seal \"\(seal.name)\", \(seal.derRepresentation.count) bytes")

        let document = Array("准予行政许可决定书".utf8)
        let signature = try SealSigner(privateKey: pki.signerKey, certificate: signer)
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
