import ESeal
import Foundation
import GMCertificates
import GMCrypto
import ZhengwuKitCore

// A throwaway SM2 PKI: a CA, a seal maker (制章人) and a signer (签章人).
let caKey = SM2.Signing.PrivateKey()
let year: TimeInterval = 365 * 86_400
let ca = try X509CertificateBuilder.certificateAuthority(subject: [.commonName("Example CA")], validFor: year)
    .selfSigned(with: .sm2(caKey))
func issue(_ name: String, _ key: SM2.Signing.PrivateKey) throws -> X509Certificate {
    try X509CertificateBuilder.endEntity(subject: [.commonName(name)], validFor: year)
        .issue(for: .sm2(key.publicKey), issuer: ca, issuerKey: .sm2(caKey))
}
let (makerKey, signerKey) = (SM2.Signing.PrivateKey(), SM2.Signing.PrivateKey())
let (maker, signer) = (try issue("Seal maker", makerKey), try issue("Signer", signerKey))

// 制章: the seal, listing the signer's certificate, signed by the maker.
let png: [UInt8] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D,
    0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
]
let seal = try SealBuilder(
    name: "示例市人民政府", type: 1,
    picture: try SealPicture(data: png, widthMillimetres: 42, heightMillimetres: 42),
    signerCertificates: [signer], validStart: Date(), validEnd: Date().addingTimeInterval(year)
).make(makerKey: makerKey, makerCertificate: maker)

// 签章 and 验章: sign a document, then check every step against the CA, with a department's policies.
let document = Array("关于开展政务服务事项标准化工作的通知".utf8)
let signature = try SealSigner(privateKey: signerKey, certificate: signer)
    .sign(seal: seal, data: .bytes(document), propertyInfo: "notice.txt")
let verifier = SealVerifier(trustAnchors: [ca]) {
    AllowedSealTypes([1])
    StrictSealTimes()  // refuse a making or signing date before the certificate that vouches for it
}
let report = verifier.verify(signature, data: .bytes(document))
for check in report.checks { print(check) }
for warning in report.warnings { print("warning \(warning.code): \(warning)") }
print("\(report.verdict) (\(report.verdict.chineseTerm)), trust \(report.trust.rawValue)")

// Fail-closed: no trust anchors means untrusted, never valid; integrity alone is asked for by name.
let anchorless = SealVerifier().verify(signature, data: .bytes(document))
print("no anchors: \(anchorless.verdict), valid \(anchorless.isValid)")  // untrusted, valid false
let integrity = SealVerifier(mode: .integrityOnly).verify(signature, data: .bytes(document))
print("integrity only: \(integrity.verdict), valid \(integrity.isValid)")  // intact, valid true
guard report.isValid, !anchorless.isValid, integrity.isValid else { fatalError("unexpected verdicts") }
