// Issues a business licence from typed values as a sealed OFD file, verifies it and reads its
// face items back typed, makes an annotated copy, and revokes the licence through a status
// list. Run: swift run ELicenseExample
import AdminDivision
import CreditCode
import ELicense
import ESeal
import Foundation
import GMCertificates
import GMCrypto

// A throwaway PKI: a CA, the seal maker and the issuing office (the seal's signer).
let day: TimeInterval = 86_400
let caKey = SM2.Signing.PrivateKey()
let ca = try X509CertificateBuilder.certificateAuthority(subject: [.commonName("Example CA")], validFor: 30 * day)
    .selfSigned(with: .sm2(caKey))
let makerKey = SM2.Signing.PrivateKey()
let maker = try X509CertificateBuilder.endEntity(subject: [.commonName("Example seal maker")], validFor: 30 * day)
    .issue(for: .sm2(makerKey.publicKey), issuer: ca, issuerKey: .sm2(caKey))
let officeKey = SM2.Signing.PrivateKey()
let office = try X509CertificateBuilder.endEntity(subject: [.commonName("示例市场监督管理局")], validFor: 30 * day)
    .issue(for: .sm2(officeKey.publicKey), issuer: ca, issuerKey: .sm2(caKey))
let png: [UInt8] = [
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D,
    0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
]
let seal = try SealBuilder(
    name: "示例市场监督管理局电子印章", type: 1,
    picture: try SealPicture(data: png, widthMillimetres: 40, heightMillimetres: 40), signerCertificates: [office],
    validStart: Date(), validEnd: Date().addingTimeInterval(30 * day)
).make(makerKey: makerKey, makerCertificate: maker)

// 签发: typed values (the metadata of the request, the face items as the 营业执照's own struct,
// generated from its face schema) → checked XML → sealed OFD.
guard let established = CalendarDate(year: 2003, month: 6, day: 15) else { fatalError("2003-06-15 is a day") }
let face = BusinessLicenceFace(
    creditCode: try CreditCode(parsing: "91110000600037341L"), name: "示例科技有限公司", entityType: "有限责任公司",
    legalRepresentative: "李雷", businessScope: "技术开发、技术咨询、技术服务。", registeredCapital: "1000万元",
    establishmentDate: established, domicile: "北京市海淀区示例大街3号", registrationAuthority: "北京市市场监督管理局")
let request = LicenceRequest(
    number: "91110000600037341L", issuer: "北京市市场监督管理局", issuerCode: "11110000000012343B",
    issueDate: "2023-06-15", holder: "示例科技有限公司", holderCode: "91110000600037341L", holderCodeType: "001",
    validFrom: "2003-06-15", validUntil: "长期", serial: "2023061500042", version: "002")
let type = try LicenceCatalogue.standard.type(code: BusinessLicenceFace.typeCode)  // 营业执照
let issuer = try LicenceIssuer(seal: seal, privateKey: officeKey, certificate: office)
let data = try issuer.prepare(request, face: face)
let ofd = try issuer.issue(data)
print("issued \(type.name) \(data.metadata.identifierText), \(ofd.count) bytes")

// 验证: every check named; trusted only with the CA as trust anchor.
let verifier = LicenceVerifier(trustAnchors: [ca])
let report = verifier.verify(ofd: ofd)
for line in report.checks { print("  \(line)") }
print("verdict: \(report.verdict) (trust: \(report.trust))")

// 读取: the verified licence's face items, typed again (another type's struct would be refused).
if report.isValid, let read = try report.data?.face(as: BusinessLicenceFace.self) {
    print("read back: \(read.name), \(read.creditCode), 成立日期 \(read.establishmentDate), same: \(read == face)")
}

// 加注件: a purpose and an expiry, sealed again.
let copy = try issuer.annotate(
    try LicenceFile(data: ofd), purpose: "仅供办理银行开户使用", expires: Date().addingTimeInterval(7 * day),
    verifier: verifier)
print("annotated copy: \(verifier.verify(ofd: copy).verdict)")

// 状态: revoke (07 吊销) through a signed status list; verification consults it.
let list = try LicenceStatusList.issue(
    issuerName: "示例市场监督管理局", issuerCode: data.metadata.issuerCode,
    entries: [.init(identifier: try data.metadata.identifier(), status: .revoked, changedAt: Date())],
    nextUpdate: Date().addingTimeInterval(day), key: officeKey, certificate: office)
var withList = verifier
withList.statusList = list
let revoked = withList.verify(ofd: ofd)
print("with the status list: \(revoked.verdict), failing: \(revoked.failures.map(\.name))")
