import ESeal
import Foundation
import Testing
import ZWKitTestSupport

/// Every single-byte change of a seal, a signature or the signed data is refused, and the
/// report names the check that caught it. Every byte position is changed twice (low bit
/// and high bit flipped), covering tags, lengths and contents alike.
@Suite("Tampering is refused with the right check named")
struct TamperTests {
    private static let flips: [UInt8] = [0x01, 0x80]

    private func failed(_ report: SealVerificationReport) -> Set<SealCheck> {
        Set(report.failures.map(\.check))
    }

    @Test("every byte of a signature, changed, fails a check that covers that byte")
    func signatureBytes() throws {
        let pki = try TestPKI.make()
        let signature = try pki.signature()
        let bytes = signature.derRepresentation
        guard case .v4(let structure) = signature.structure, case .v4(let seal) = signature.seal.structure,
            let tbs = bytes.firstRange(of: structure.toSignBytes),
            let sealRange = bytes.firstRange(of: signature.seal.derRepresentation),
            let sealInfo = bytes.firstRange(of: seal.sealInfoBytes),
            let signerCert = bytes[tbs.upperBound...].firstRange(of: signature.signerCertificate),
            let value = bytes[signerCert.upperBound...].firstRange(of: signature.signatureValue)
        else {
            Issue.record("cannot locate the signature's parts")
            return
        }
        let verifier = SealVerifier(trustAnchors: [pki.ca])
        #expect(verifier.verify(signature, data: .bytes(TestPKI.document)).isValid)
        var positions = 0
        for index in bytes.indices {
            for flip in Self.flips {
                var tampered = bytes
                tampered[index] ^= flip
                let report = verifier.verifySignature(tampered)
                let failures = failed(report)
                positions += 1
                let expected: Set<SealCheck>
                if sealInfo.contains(index) {
                    expected = [.structure, .makerSignature]
                } else if sealRange.contains(index) || tbs.contains(index) {
                    expected = [.structure, .signature]
                } else if signerCert.contains(index) {
                    expected = [.structure, .signerCertificateInSeal]
                } else if value.contains(index) {
                    expected = [.structure, .signature]
                } else {
                    expected = Set(SealCheck.allCases)
                }
                #expect(
                    !failures.isDisjoint(with: expected),
                    "byte \(index) ^ \(flip): failures \(failures.map(\.rawValue)) miss \(expected.map(\.rawValue))")
                if tbs.contains(index) && !failures.contains(.structure) {
                    #expect(failures.contains(.signature), "byte \(index) is covered by the signer's signature")
                }
            }
        }
        #expect(positions == bytes.count * Self.flips.count)
    }

    @Test("every byte of a seal, changed, fails the maker's signature, its chain, or the structure")
    func sealBytes() throws {
        let pki = try TestPKI.make()
        let seal = try pki.seal()
        let bytes = seal.derRepresentation
        guard case .v4(let structure) = seal.structure, let sealInfo = bytes.firstRange(of: structure.sealInfoBytes),
            let makerCert = bytes[sealInfo.upperBound...].firstRange(of: structure.cert)
        else {
            Issue.record("cannot locate the seal's parts")
            return
        }
        let verifier = SealVerifier(trustAnchors: [pki.ca])
        #expect(verifier.verify(seal).isValid)
        for index in bytes.indices {
            for flip in Self.flips {
                var tampered = bytes
                tampered[index] ^= flip
                let failures = failed(verifier.verifySeal(tampered))
                let expected: Set<SealCheck> =
                    makerCert.contains(index)
                    ? [.structure, .makerSignature, .makerCertificateChain] : [.structure, .makerSignature]
                #expect(
                    !failures.isDisjoint(with: expected),
                    "byte \(index) ^ \(flip): failures \(failures.map(\.rawValue)) miss \(expected.map(\.rawValue))")
            }
        }
    }

    @Test("every byte of the signed data, changed, fails the data hash and nothing else")
    func dataBytes() throws {
        let pki = try TestPKI.make()
        let data = Array("第一条 为了规范电子印章的使用，制定本办法。".utf8)
        let signature = try pki.signature(data: data)
        let verifier = SealVerifier(trustAnchors: [pki.ca])
        #expect(verifier.verify(signature, data: .bytes(data)).isValid)
        for index in data.indices {
            var tampered = data
            tampered[index] ^= 0x01
            let report = verifier.verify(signature, data: .bytes(tampered))
            #expect(failed(report) == [.dataHash], "byte \(index)")
        }
    }
}
