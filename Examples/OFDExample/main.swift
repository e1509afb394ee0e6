import ESeal
import Foundation
import GMCertificates
import GMCrypto
import OFD

// Seals a small document by keyword, adds a cross-page seal, verifies both against the CA,
// and reads the metadata back. A department would load its seal (.esl), key and certificate
// from files instead of making them here.
let validity: TimeInterval = 86_400
let caKey = SM2.Signing.PrivateKey()
let ca = try X509CertificateBuilder.certificateAuthority(subject: [.commonName("Example CA")], validFor: validity)
    .selfSigned(with: .sm2(caKey))
let key = SM2.Signing.PrivateKey()
let certificate = try X509CertificateBuilder.endEntity(subject: [.commonName("示例签章人")], validFor: validity)
    .issue(for: .sm2(key.publicKey), issuer: ca, issuerKey: .sm2(caKey))
let png: [UInt8] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D,
    0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
]
let seal = try SealBuilder(
    name: "示例市人民政府", type: 1, picture: try SealPicture(data: png, widthMillimetres: 40, heightMillimetres: 40),
    signerCertificates: [certificate], validStart: Date(), validEnd: Date().addingTimeInterval(validity)
).make(makerKey: key, makerCertificate: certificate)

let sealer = OFDSealer(seal: seal, signer: try SealSigner(privateKey: key, certificate: certificate))
let document = try OFDFile.makeTextDocument(title: "示例通知", pages: ["示例通知正文", "示例市人民政府"])
let once = try sealer.seal(OFDFile(data: document), placement: .keyword("示例市人民政府"))
let twice = try sealer.seal(OFDFile(data: once), placement: .crossPage(from: 1, to: 2))

let file = try OFDFile(data: twice)
print("title:", file.documents[0].info.title ?? "-", "pages:", file.documents[0].pages.count)
let report = OFDVerifier(sealVerifier: SealVerifier(trustAnchors: [ca])).verify(file)
for signature in report.signatures {
    print(signature.signature, signature.integrity.rawValue, signature.verdict.rawValue, signature.trust.rawValue)
}
print(report.isValid ? "every seal verifies (验章通过)" : "NOT VALID")
