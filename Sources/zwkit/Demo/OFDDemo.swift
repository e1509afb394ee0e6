import ESeal
import Foundation
import GMCertificates
import GMCrypto
import OFD
import ZhengwuKitCore

/// Makes a two-page official document, seals it by keyword (关键字签章), adds a cross-page seal
/// (骑缝章) in continue-sign mode, verifies both, then changes a page and shows the failing file.
struct OFDDemo: DemoSection {
    let title = "OFD: sealing and verifying documents (GB/T 33190)"

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func run() async throws {
        let pki = try DemoPKI(caName: "ZhengwuKit OFD Demo CA", sealName: "演示市人民政府")
        let sealer = OFDSealer(
            seal: pki.seal, signer: try SealSigner(privateKey: pki.signerKey, certificate: pki.signer))

        let document = try OFDFile.makeTextDocument(
            title: "关于开展演示工作的通知",
            pages: ["关于开展演示工作的通知\n各有关单位：现将有关事项通知如下。", "特此通知。\n演示市人民政府\n2026年12月4日"])
        let once = try sealer.seal(OFDFile(data: document), placement: .keyword("演示市人民政府"))
        Console.output("关键字签章: sealed on \"演示市人民政府\" (\(once.count) bytes)")
        let twice = try sealer.seal(OFDFile(data: once), placement: .crossPage(from: 1, to: 2))
        Console.output("骑缝章: a cross-page seal over pages 1-2, added in continue-sign mode")

        let verifier = OFDVerifier(sealVerifier: SealVerifier(trustAnchors: [pki.ca]))
        let report = verifier.verify(try OFDFile(data: twice))
        for signature in report.signatures {
            Console.output("  \(signature.signature): \(signature.integrity.rawValue), \(signature.verdict.rawValue)")
        }
        guard report.isValid, report.signatures.map(\.integrity) == [.signatureListChanged, .intact] else {
            throw Failure(description: "the sealed demo document did not verify")
        }
        Console.output("验章: both seals trusted; the first reports only the signature list changed by the second")

        let sealed = try OFDFile(data: twice)
        let page = "Doc_0/Pages/Page_0/Content.xml"
        var content = String(decoding: try sealed.package.data(at: page), as: UTF8.self)
        content = content.replacingOccurrences(of: "通知如下", with: "通知作废")
        let tampered = try sealed.package.rewriting([page: Array(content.utf8)])
        let changed = verifier.verify(try OFDFile(data: tampered))
        for signature in changed.signatures {
            Console.output(
                "  after the edit: \(signature.signature): \(signature.integrity.rawValue), modified "
                    + signature.modifiedFiles.joined(separator: ", "))
        }
        guard !changed.isValid, changed.signatures.allSatisfy({ $0.modifiedFiles.contains(page) }) else {
            throw Failure(description: "a changed page was not detected")
        }
        Console.output("tamper: the changed page \(page) is named and both seals fail (验章失败)")
    }
}
