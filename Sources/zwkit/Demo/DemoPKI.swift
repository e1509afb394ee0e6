import ESeal
import Foundation
import GMCertificates
import GMCrypto

/// The test PKI the seal, OFD and licence demo sections start from: an SM2 CA, a seal maker
/// (制章机构) and one signer it certified, and the seal made for that signer. One place, so each
/// section shows its own module instead of repeating the setup.
struct DemoPKI {
    /// How long the demo certificates and seals are valid.
    static let validity: TimeInterval = 30 * 86_400

    /// A one-pixel PNG, the seal picture of the demos.
    static let sealPicture: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00,
        0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF,
        0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    let ca: X509Certificate
    let maker: X509Certificate
    let signer: X509Certificate
    let signerKey: SM2.Signing.PrivateKey
    /// The seal made by `maker` for `signer`.
    let seal: ElectronicSeal

    /// A fresh CA named `caName` certifying the maker and a signer named `signerName`, and a
    /// seal named `sealName` made for that signer.
    init(caName: String = "ZhengwuKit Demo CA", signerName: String = "演示签章人", sealName: String) throws {
        let caKey = SM2.Signing.PrivateKey()
        ca = try X509CertificateBuilder.certificateAuthority(subject: [.commonName(caName)], validFor: Self.validity)
            .selfSigned(with: .sm2(caKey))
        let makerKey = SM2.Signing.PrivateKey()
        signerKey = SM2.Signing.PrivateKey()
        maker = try X509CertificateBuilder.endEntity(subject: [.commonName("演示制章机构")], validFor: Self.validity)
            .issue(for: .sm2(makerKey.publicKey), issuer: ca, issuerKey: .sm2(caKey))
        signer = try X509CertificateBuilder.endEntity(subject: [.commonName(signerName)], validFor: Self.validity)
            .issue(for: .sm2(signerKey.publicKey), issuer: ca, issuerKey: .sm2(caKey))
        seal = try SealBuilder(
            name: sealName, type: 1,
            picture: try SealPicture(data: Self.sealPicture, widthMillimetres: 40, heightMillimetres: 40),
            signerCertificates: [signer], validStart: Date(), validEnd: Date().addingTimeInterval(Self.validity)
        ).make(makerKey: makerKey, makerCertificate: maker)
    }
}
