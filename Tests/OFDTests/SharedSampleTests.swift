import ESeal
import Foundation
import OFD
import Testing
import ZWKitTestSupport
import ZhengwuKitCore

@Suite("The shared OFD samples verify as ../shared/README.md states")
struct SharedSampleTests {
    static let signed = ["v4signed.ofd", "allprotected.ofd", "SESV4SignDoc.ofd"]

    @Test(
        "every signed sample: every CheckValue matches, dataHash covers Signature.xml, seal and signer verify",
        arguments: signed)
    func verifies(_ name: String) throws {
        guard let url = try Fixtures.shared("samples/ofd/\(name)") else { return }
        let integrityOnly = OFDVerifier(sealVerifier: SealVerifier(), mode: .integrityOnly)
        let report = try integrityOnly.verify(contentsOf: url)
        #expect(report.signatures.count == 1)
        for signature in report.signatures {
            #expect(signature.integrity == .intact, "\(signature.checks)")
            #expect(signature.modifiedFiles.isEmpty)
            if name == "SESV4SignDoc.ofd" {
                // Signed in 2026 with a seal and certificate that expired in 2022: the hashes and
                // signatures hold, the validity periods at the signing time do not.
                #expect(Set(signature.failures.map(\.name)) == ["seal.sealValidity", "seal.signerCertificateValidity"])
                #expect(signature.verdict == .invalid)
            } else {
                #expect(signature.verdict == .intact, "\(signature.checks.map(\.description))")
                #expect(signature.isValid)
            }
            #expect(signature.signature == "Doc_0/Signs/Sign_0/Signature.xml")
            for check in ["references", "seal.dataHash", "seal.signature", "seal.makerSignature"] {
                #expect(signature.checks.first { $0.name == check }?.outcome == .passed, "\(name) \(check)")
            }
        }
        #expect(report.isValid == (name != "SESV4SignDoc.ofd"))
        // Fail-closed: without trust anchors and without integrity-only, nothing is valid.
        let full = try OFDVerifier(sealVerifier: SealVerifier()).verify(contentsOf: url)
        #expect(full.signatures.allSatisfy { $0.verdict != .trusted && $0.trust == .notChecked && !$0.isValid })
        #expect(!full.isValid)
    }

    @Test("the unsigned sample has no signatures and is not valid")
    func unsigned() throws {
        guard let url = try Fixtures.shared("samples/ofd/helloworld-unsigned.ofd") else { return }
        let report = try OFDVerifier(sealVerifier: SealVerifier(), mode: .integrityOnly).verify(contentsOf: url)
        #expect(report.signatures.isEmpty)
        #expect(!report.isValid)
        let file = try OFDFile(contentsOf: url)
        let page = try file.page(file.documents[0].pages[0], of: file.documents[0])
        #expect(page.text == "你好呀，OFD Reader&Writer！")
    }
}
