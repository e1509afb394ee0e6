import ESeal
import Foundation
import GMCertificates
import GMCrypto
import Testing
import ZWKitTestSupport

@Suite("Making seals (制章) and signing (签章)")
struct MakingAndSigningTests {
    @Test("a made seal reads back with every property, and passes every check with the CA as anchor")
    func makeSeal() throws {
        let pki = try TestPKI.make()
        var builder = try pki.builder()
        builder.esID = "zwkit-test-0001"
        let seal = try builder.make(makerKey: pki.makerKey, makerCertificate: pki.maker)
        let read = try ElectronicSeal(derEncoded: seal.derRepresentation)
        #expect(read.version == .v4)
        #expect(read.esID == "zwkit-test-0001")
        #expect(read.name == "测试市人民政府")
        #expect(read.type == 1)
        #expect(read.picture.type == "png" && read.picture.width == 40)
        #expect(read.certList == .certificates([Array(pki.signer.derRepresentation)]))
        #expect(read.makerCertificate == Array(pki.maker.derRepresentation))
        #expect(read.deviations.isEmpty)
        let report = SealVerifier(trustAnchors: [pki.ca]).verify(read)
        #expect(report.isValid, "\(report.failures)")
        #expect(report.checks.allSatisfy { $0.outcome == .passed })
    }

    @Test("a seal listing SM3 digests accepts the signer whose certificate matches, and no other")
    func digestList() throws {
        let pki = try TestPKI.make()
        let seal = try pki.seal(listing: .sm3Digests)
        #expect(seal.certList == .certificateDigests([CertDigestObj(type: "sm3", value: pki.signer.sm3Fingerprint)]))
        let signature = try SealSigner(privateKey: pki.signerKey, certificate: pki.signer)
            .sign(seal: seal, data: .bytes([1, 2, 3]), propertyInfo: "x")
        #expect(SealVerifier(trustAnchors: [pki.ca]).verify(signature, data: .bytes([1, 2, 3])).verdict == .trusted)
        #expect(throws: ESealError.self) {
            try SealSigner(privateKey: pki.otherSignerKey, certificate: pki.otherSigner)
                .sign(seal: seal, data: .bytes([1]), propertyInfo: "x")
        }
    }

    @Test("a v5 seal and its signature carry version 5")
    func version5() throws {
        let pki = try TestPKI.make()
        var builder = try pki.builder()
        builder.version = .v5
        let seal = try builder.make(makerKey: pki.makerKey, makerCertificate: pki.maker)
        #expect(seal.version == .v5 && seal.header.version == 5)
        let signature = try SealSigner(privateKey: pki.signerKey, certificate: pki.signer)
            .sign(seal: seal, data: .bytes([]), propertyInfo: "empty")
        #expect(signature.version == .v5)
        #expect(SealVerifier(trustAnchors: [pki.ca]).verify(signature, data: .bytes([])).verdict == .trusted)
    }

    @Test("the builder refuses what would make a bad seal")
    func builderRefusals() throws {
        let pki = try TestPKI.make()
        var reversed = try pki.builder()
        reversed.validEnd = reversed.validStart.addingTimeInterval(-1)
        var nameless = try pki.builder()
        nameless.name = ""
        var empty = try pki.builder()
        empty.signerCertificates = []
        var version1 = try pki.builder()
        version1.version = .v1
        var unicodeID = try pki.builder()
        unicodeID.esID = "印章"
        for builder in [reversed, nameless, empty, version1, unicodeID] {
            #expect(throws: ESealError.self) { try builder.make(makerKey: pki.makerKey, makerCertificate: pki.maker) }
        }
        #expect(throws: ESealError.keyCertificateMismatch("the maker's key is not the key of \(pki.maker.subject)")) {
            try pki.builder().make(makerKey: pki.signerKey, makerCertificate: pki.maker)
        }
    }

    @Test("pictures are recognised by their bytes; a mismatch or a silly size is refused")
    func pictures() throws {
        #expect(SealPicture.Format(sniffing: Fixtures.tinyPNG) == .png)
        #expect(SealPicture.Format(sniffing: [0xFF, 0xD8, 0xFF, 0xE0]) == .jpg)
        #expect(SealPicture.Format(sniffing: Array("GIF89a".utf8)) == .gif)
        #expect(SealPicture.Format(sniffing: [0x50, 0x4B, 0x03, 0x04]) == .ofd)
        #expect(SealPicture.Format(sniffing: Array("BM".utf8)) == nil)
        #expect(throws: ESealError.self) {
            try SealPicture(format: .jpg, data: Fixtures.tinyPNG, widthMillimetres: 40, heightMillimetres: 40)
        }
        #expect(throws: ESealError.self) {
            try SealPicture(data: Fixtures.tinyPNG, widthMillimetres: 0, heightMillimetres: 40)
        }
    }

    @Test("the signer refuses a key that is not its certificate's, and a seal that does not list it")
    func signerRefusals() throws {
        let pki = try TestPKI.make()
        #expect(throws: ESealError.self) { try SealSigner(privateKey: pki.otherSignerKey, certificate: pki.signer) }
        let seal = try pki.seal()
        #expect(throws: ESealError.self) {
            try SealSigner(privateKey: pki.otherSignerKey, certificate: pki.otherSigner)
                .sign(seal: seal, data: .bytes([1]), propertyInfo: "x")
        }
    }

    @Test("the sample key and certificate sign with the sample v4 seal when it lists them")
    func sampleKey() throws {
        guard let keyData = try SampleFiles.eseal("sign_key.pem"), let certData = try SampleFiles.eseal("sign_cert.pem")
        else { return }
        let key = try SM2.Signing.PrivateKey(pemRepresentation: String(decoding: keyData, as: UTF8.self))
        let certificate = try X509Certificate(pemRepresentation: String(decoding: certData, as: UTF8.self))
        let signer = try SealSigner(privateKey: key, certificate: certificate)
        var builder = try TestPKI.make().builder()
        builder.signerCertificates = [certificate]
        let seal = try builder.make(makerKey: key, makerCertificate: certificate)
        let when = certificate.notBefore.addingTimeInterval(86_400)
        let signature = try signer.sign(seal: seal, data: .bytes([7]), propertyInfo: "p", at: when)
        #expect(
            signature.signingTime
                == when.addingTimeInterval(-when.timeIntervalSince1970.truncatingRemainder(dividingBy: 1)))
        let report = SealVerifier().verify(signature, data: .bytes([7]))
        #expect(report.result(for: .signature)?.outcome == .passed)
        #expect(report.result(for: .signerCertificateValidity)?.outcome == .passed)
    }

    @Test("streaming: a file of several chunks hashes as its bytes do, and a stream too")
    func streaming() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let bytes = (0..<(3 * 1_048_576 + 17)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let url = directory.appendingPathComponent("big.bin")
        try Data(bytes).write(to: url)
        let expected = Array(SM3.hash(data: bytes))
        #expect(try ProtectedData.file(url).sm3Digest() == expected)
        #expect(try ProtectedData.bytes(bytes).sm3Digest() == expected)
        #expect(try ProtectedData.stream(InputStream(url: url)!).sm3Digest() == expected)
        #expect(throws: ESealError.self) {
            try ProtectedData.file(directory.appendingPathComponent("absent")).sm3Digest()
        }
        #expect(throws: ESealError.self) { try ProtectedData.digest([1, 2, 3]).sm3Digest() }
    }

    @Test("a v5 seal with a time stamp: the token covers the maker's signature and is checked")
    func timeStampedSeal() async throws {
        let pki = try TestPKI.make()
        let seal = try await pki.builder().make(
            makerKey: pki.makerKey, makerCertificate: pki.maker, timeStamper: EchoTimeStamper())
        #expect(seal.version == .v5 && seal.header.version == 5)
        #expect(seal.timeStamp == Array("TS".utf8) + seal.signatureValue.prefix(4))
        let report = SealVerifier(trustAnchors: [pki.ca], timeStampVerifier: EchoTimeStamper()).verify(seal)
        #expect(report.isValid && report.result(for: .timeStamp)?.outcome == .passed)
        let signature = try SealSigner(privateKey: pki.signerKey, certificate: pki.signer)
            .sign(seal: seal, data: .bytes([1]), propertyInfo: "x")
        #expect(SealVerifier(trustAnchors: [pki.ca]).verify(signature, data: .bytes([1])).verdict == .trusted)
    }

    @Test("a time-stamp provider's token is stored, and a verifier checks it")
    func timeStamps() async throws {
        let pki = try TestPKI.make()
        let signature = try await SealSigner(privateKey: pki.signerKey, certificate: pki.signer)
            .sign(seal: try pki.seal(), data: .bytes([1]), propertyInfo: "x", timeStamper: EchoTimeStamper())
        #expect(signature.timeStamp == Array("TS".utf8) + signature.signatureValue.prefix(4))
        #expect(SealVerifier().verify(signature).result(for: .timeStamp)?.outcome == .notChecked)
        let checked = SealVerifier(timeStampVerifier: EchoTimeStamper()).verify(signature)
        #expect(checked.result(for: .timeStamp)?.outcome == .passed)
    }
}

/// A stand-in time-stamp authority: its "token" is "TS" and the first bytes of the value.
struct EchoTimeStamper: TimeStampProvider, TimeStampVerifier {
    func timeStamp(for signatureValue: [UInt8]) async throws -> [UInt8] {
        Array("TS".utf8) + signatureValue.prefix(4)
    }

    func failureReason(timeStamp: [UInt8], for signatureValue: [UInt8]) -> String? {
        timeStamp == Array("TS".utf8) + signatureValue.prefix(4) ? nil : "token does not cover the value"
    }
}
