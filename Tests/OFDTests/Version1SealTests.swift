import ESeal
import Foundation
import GMCertificates
import GMCrypto
import SwiftASN1
import Testing
import ZWKitTestSupport
import ZhengwuKitCore

@testable import OFD

/// GM/T 0031-2014 (v1) seal signatures inside an OFD. ESeal reads v1 but makes only v4/v5, so
/// the signature is built here from ESeal's v1 structures, over the real v1 sample seal
/// (`../shared/samples/eseal/UserV1.esl`) with the sample signing key.
@Suite("v1 (GM/T 0031) seal signatures in an OFD are verified as far as the format allows")
struct Version1SealTests {
    /// Within UserV1.esl's validity; the signature's UTCTime timeInfo says 2021-08-01.
    private static let time = ISO8601DateFormatter().date(from: "2021-08-01T00:00:01Z") ?? Date()

    private struct Sample {
        let seal: [UInt8]
        let key: SM2.Signing.PrivateKey
        let certificate: X509Certificate
    }

    private func sample() throws -> Sample? {
        guard let seal = try Fixtures.shared("samples/eseal/UserV1.esl"),
            let key = try Fixtures.shared("samples/eseal/sign_key.pem"),
            let certificate = try Fixtures.shared("samples/eseal/sign_cert.pem")
        else { return nil }
        return Sample(
            seal: Array(try Data(contentsOf: seal)),
            key: try SM2.Signing.PrivateKey(pemRepresentation: String(contentsOf: key, encoding: .utf8)),
            certificate: try X509Certificate(pemRepresentation: String(contentsOf: certificate, encoding: .utf8)))
    }

    /// An OFD sealed with a v1 SES_Signature over its Signature.xml, its DER passed through `mangle`.
    private func sealed(_ sample: Sample, mangle: ([UInt8]) -> [UInt8] = { $0 }) throws -> OFDFile {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let url = directory.appendingPathComponent("in.ofd")
        try TestPackages.zip(TestPackages.ofd(pages: ["第一页"]), to: url)
        let file = try OFDFile(contentsOf: url)
        let stamp = StampLayout.Stamp(pageID: "10", boundary: OFDBox(x: 100, y: 200, width: 40, height: 40), clip: nil)
        let parts = try SignatureAppender(type: "Seal", stamps: [stamp], seal: sample.seal).append(
            to: file, at: Self.time
        ) { (xml, path) throws(OFDError) in
            do {
                let toSign = try TBSSignV1(
                    esealBytes: sample.seal, timeInfo: Array("210801000000Z".utf8),
                    dataHash: Array(SM3.hash(data: xml)), propertyInfo: path,
                    cert: Array(sample.certificate.derRepresentation), signatureAlgorithm: [1, 2, 156, 10197, 1, 501])
                let value = try sample.key.signature(for: try toSign.derBytes(), userID: .default)
                return mangle(try SESSignatureV1(toSign: toSign, signature: Array(value.derRepresentation)).derBytes())
            } catch {
                throw .signing("\(error)")
            }
        }
        return try OFDFile(
            data: try PackageWriter.data(source: file.package, replacing: parts.replaced, adding: parts.added))
    }

    @Test("a v1 signature reads and its signatures and dataHash verify; what fails is named")
    func verifies() throws {
        guard let sample = try sample() else { return }
        let file = try sealed(sample)
        let report = OFDVerifier(sealVerifier: SealVerifier()).verify(file, at: Self.time)
        try #require(report.signatures.count == 1)
        let signature = report.signatures[0]
        #expect(signature.format == "GM/T 0031 v1")
        #expect(signature.integrity == .intact)
        #expect(signature.signingTime == "2021-08-01T00:00:00Z")
        for name in ["seal.structure", "seal.makerSignature", "seal.signature", "seal.dataHash"] {
            #expect(signature.checks.first { $0.name == name }?.outcome == .passed, "\(name): \(signature.checks)")
        }
        // The v1 sample seal lists another certificate than the sample signing key's: named, not hidden.
        #expect(signature.failures.map(\.name) == ["seal.signerCertificateInSeal"])
        // No trust anchors: the chains are reported as not checked.
        #expect(signature.checks.first { $0.name == "seal.signerCertificateChain" }?.outcome == .notChecked)
        #expect(signature.verdict == .invalid)
        #expect(!signature.isValid)
    }

    @Test("a changed Signature.xml fails the v1 dataHash")
    func tampered() throws {
        guard let sample = try sample() else { return }
        let signed = try sealed(sample)
        let path = try signed.signatureEntries(of: signed.documents[0])[0].path
        let xml = String(decoding: try signed.package.data(at: path), as: UTF8.self)
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let output = directory.appendingPathComponent("tampered.ofd")
        try Tamper.replace(
            path, in: try PackageWriter.data(source: signed.package, replacing: [:], adding: []),
            with: xml.replacingOccurrences(of: "ZhengwuKit", with: "Somebody"), to: output)
        let report = OFDVerifier(sealVerifier: SealVerifier()).verify(try OFDFile(contentsOf: output), at: Self.time)
        let dataHash = report.signatures.first?.checks.first { $0.name == "seal.dataHash" }
        #expect(dataHash?.outcome == .failed)
        #expect(report.signatures.first?.verdict == .invalid)
    }

    @Test("a v1 signature cut short is reported unreadable, not a crash")
    func truncated() throws {
        guard let sample = try sample() else { return }
        let file = try sealed(sample) { Array($0.prefix($0.count / 2)) }
        let report = OFDVerifier(sealVerifier: SealVerifier()).verify(file, at: Self.time)
        try #require(report.signatures.count == 1)
        #expect(report.signatures[0].format == "unreadable")
        #expect(report.signatures[0].failures.map(\.name) == ["structure"])
        #expect(report.signatures[0].failures.first?.detail.contains("SES_Signature") == true)
        #expect(report.signatures[0].verdict == .invalid)
    }
}
