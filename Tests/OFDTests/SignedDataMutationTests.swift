import Foundation
import GMCrypto
import Testing
import ZWKitTestSupport

@testable import OFD

/// The SignedData reader and check on hostile bytes: every mutation of a valid value gets an
/// answer (never a trap), and none that changes the signed bytes is answered as verified.
@Suite("GB/T 35275 SignedData on mutated input")
struct SignedDataMutationTests {
    @Test("10,000 seeded mutations of a valid SignedData: answered, and never verified when a signed byte changed")
    func mutations() throws {
        let pki = try OFDTestPKI.make()
        let xml = Array("<ofd:Signature xmlns:ofd=\"http://www.ofdspec.org/2016\"/>".utf8)
        let signer = try OFDDigitalSigner(privateKey: pki.signerKey, certificate: pki.signer)
        let valid = try signer.signedValue(over: xml, at: Date())
        let baseline = SignedDataCheck.verify(valid, signatureXML: xml, part: "Signature.xml", anchors: [], at: Date())
        #expect(baseline.lines.first { $0.check == .signature }?.outcome == .passed)
        let original = try #require(try CMSSignedData(derEncoded: valid).signers.first)
        var generator = SeededGenerator(seed: 35275)
        for _ in 0..<10_000 {
            var bytes = valid
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] ^= UInt8.random(in: 1...255, using: &generator)
            case 1:
                bytes.removeLast(Int.random(in: 1..<bytes.count, using: &generator))
            case 2:
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes.insert(UInt8.random(in: 0...255, using: &generator), at: index)
            default:
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] = [0x00, 0x80, 0xFF, 0x30, 0x31, 0xA0][Int.random(in: 0..<6, using: &generator)]
            }
            let outcome = SignedDataCheck.verify(
                bytes, signatureXML: xml, part: "Signature.xml", anchors: [], at: Date())
            #expect(!outcome.lines.isEmpty)
            guard bytes != valid else { continue }
            let verified =
                outcome.supported && !outcome.lines.contains { $0.outcome == .failed }
                && outcome.lines.contains { $0.check == .signature && $0.outcome == .passed }
            // What may change and still verify is only what the signature does not cover (the
            // version, the digestAlgorithms set, a certificate's fields outside its key, which
            // the chain check judges): the signed attributes must be exactly the original ones.
            if verified {
                let signed = try #require(try? CMSSignedData(derEncoded: bytes).signers.first)
                #expect(
                    signed.signedAttributesForSigning == original.signedAttributesForSigning
                        && signed.signature == original.signature,
                    "a mutation of the signed bytes verified: \(bytes.map { String(format: "%02x", $0) }.joined())")
            }
        }
    }
}
