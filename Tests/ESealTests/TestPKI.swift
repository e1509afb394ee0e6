import ESeal
import Foundation
import GMCrypto
import ZWKitTestSupport

/// A CA, a seal maker and two signers (see `SM2TestPKI`), loaded as GMCrypto values once per test run.
struct TestPKI: Sendable {
    let directory: URL
    let ca: X509Certificate
    let maker: X509Certificate
    let makerKey: SM2.Signing.PrivateKey
    let signer: X509Certificate
    let signerKey: SM2.Signing.PrivateKey
    let otherSigner: X509Certificate
    let otherSignerKey: SM2.Signing.PrivateKey

    static let shared: Result<TestPKI, any Error> = Result { try TestPKI() }

    static func make() throws -> TestPKI { try shared.get() }

    private init() throws {
        let files = try SM2TestPKI(leaves: ["maker", "signer", "other"])
        directory = files.directory
        ca = try X509Certificate(pemRepresentation: try files.text("ca.pem"))
        maker = try X509Certificate(pemRepresentation: try files.text("maker.pem"))
        makerKey = try SM2.Signing.PrivateKey(pemRepresentation: try files.text("maker.key"))
        signer = try X509Certificate(pemRepresentation: try files.text("signer.pem"))
        signerKey = try SM2.Signing.PrivateKey(pemRepresentation: try files.text("signer.key"))
        otherSigner = try X509Certificate(pemRepresentation: try files.text("other.pem"))
        otherSignerKey = try SM2.Signing.PrivateKey(pemRepresentation: try files.text("other.key"))
    }

    @discardableResult
    static func openssl(_ arguments: [String], in directory: URL) throws -> ProcessResult {
        let result = try Processes.run("openssl", arguments, currentDirectory: directory)
        guard result.status == 0 else {
            throw FixtureError.missing("openssl \(arguments.joined(separator: " ")): \(result.stderrText)")
        }
        return result
    }

    /// A 1×1 PNG, the smallest picture a seal can carry.
    static let tinyPNG: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
        0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
        0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    /// A builder for a small official seal the signer may use, valid for a year from an hour ago.
    func builder(listing: SealBuilder.CertificateListing = .certificates) throws -> SealBuilder {
        let now = Date()
        var builder = SealBuilder(
            name: "测试市人民政府", type: 1,
            picture: try SealPicture(data: Self.tinyPNG, widthMillimetres: 40, heightMillimetres: 40),
            signerCertificates: [signer], validStart: now.addingTimeInterval(-3_600),
            validEnd: now.addingTimeInterval(365 * 86_400))
        builder.listing = listing
        return builder
    }

    func seal(listing: SealBuilder.CertificateListing = .certificates) throws -> ElectronicSeal {
        try builder(listing: listing).make(makerKey: makerKey, makerCertificate: maker)
    }

    func signature(data: [UInt8] = Array("公文正文".utf8)) throws -> ElectronicSignature {
        let signer = try SealSigner(privateKey: signerKey, certificate: self.signer)
        return try signer.sign(seal: try seal(), data: .bytes(data), propertyInfo: "document.txt")
    }
}
