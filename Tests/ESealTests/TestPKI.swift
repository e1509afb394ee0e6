import ESeal
import Foundation
import GMCertificates
import GMCrypto
import ZWKitTestSupport

/// A CA, a seal maker and two signers (see `OpenSSLPKI(sm2Leaves:)`), loaded as GMCrypto values once per test run.
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
        let files = try OpenSSLPKI(sm2Leaves: ["maker", "signer", "other"])
        directory = files.directory
        ca = try X509Certificate(pemRepresentation: try files.read("ca.pem"))
        maker = try X509Certificate(pemRepresentation: try files.read("maker.pem"))
        makerKey = try SM2.Signing.PrivateKey(pemRepresentation: try files.read("maker.key"))
        signer = try X509Certificate(pemRepresentation: try files.read("signer.pem"))
        signerKey = try SM2.Signing.PrivateKey(pemRepresentation: try files.read("signer.key"))
        otherSigner = try X509Certificate(pemRepresentation: try files.read("other.pem"))
        otherSignerKey = try SM2.Signing.PrivateKey(pemRepresentation: try files.read("other.key"))
    }

    /// A builder for a small official seal the signer may use, valid for a year from an hour ago.
    func builder(listing: SealBuilder.CertificateListing = .certificates) throws -> SealBuilder {
        let now = Date()
        var builder = SealBuilder(
            name: "测试市人民政府", type: 1,
            picture: try SealPicture(data: Fixtures.tinyPNG, widthMillimetres: 40, heightMillimetres: 40),
            signerCertificates: [signer], validStart: now.addingTimeInterval(-3_600),
            validEnd: now.addingTimeInterval(365 * 86_400))
        builder.listing = listing
        return builder
    }

    func seal(listing: SealBuilder.CertificateListing = .certificates) throws -> ElectronicSeal {
        try builder(listing: listing).make(makerKey: makerKey, makerCertificate: maker)
    }

    /// The data ``signature(data:)`` signs by default.
    static let document = Array("公文正文".utf8)

    func signature(data: [UInt8] = TestPKI.document) throws -> ElectronicSignature {
        let signer = try SealSigner(privateKey: signerKey, certificate: self.signer)
        return try signer.sign(seal: try seal(), data: .bytes(data), propertyInfo: "document.txt")
    }
}
