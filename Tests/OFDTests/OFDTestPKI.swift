import ESeal
import Foundation
import GMCertificates
import GMCrypto
import OFD
import ZWKitTestSupport

/// An openssl-made SM2 PKI (CA, seal maker, signer) and a fresh seal, for sealing tests.
struct OFDTestPKI: Sendable {
    let files: OpenSSLPKI
    let ca: X509Certificate
    let maker: X509Certificate
    let makerKey: SM2.Signing.PrivateKey
    let signer: X509Certificate
    let signerKey: SM2.Signing.PrivateKey
    let seal: ElectronicSeal

    static let shared: Result<OFDTestPKI, any Error> = Result { try OFDTestPKI() }

    static func make() throws -> OFDTestPKI { try shared.get() }

    private init() throws {
        files = try OpenSSLPKI(sm2Leaves: ["maker", "signer"])
        ca = try X509Certificate(pemRepresentation: try files.read("ca.pem"))
        maker = try X509Certificate(pemRepresentation: try files.read("maker.pem"))
        makerKey = try SM2.Signing.PrivateKey(pemRepresentation: try files.read("maker.key"))
        signer = try X509Certificate(pemRepresentation: try files.read("signer.pem"))
        signerKey = try SM2.Signing.PrivateKey(pemRepresentation: try files.read("signer.key"))
        let now = Date()
        let builder = SealBuilder(
            name: "测试市人民政府", type: 1,
            picture: try SealPicture(data: Fixtures.tinyPNG, widthMillimetres: 40, heightMillimetres: 40),
            signerCertificates: [signer], validStart: now.addingTimeInterval(-3_600),
            validEnd: now.addingTimeInterval(365 * 86_400))
        seal = try builder.make(makerKey: makerKey, makerCertificate: maker)
        try Data(seal.derRepresentation).write(to: files.directory.appendingPathComponent("seal.esl"))
    }

    func sealer() throws -> OFDSealer {
        OFDSealer(seal: seal, signer: try SealSigner(privateKey: signerKey, certificate: signer))
    }

    /// A verifier trusting the test CA.
    var verifier: OFDVerifier { OFDVerifier(sealVerifier: SealVerifier(trustAnchors: [ca])) }
}
