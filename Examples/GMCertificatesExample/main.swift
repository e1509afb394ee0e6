import Foundation
import GMCertificates
import GMCrypto

let rootKey = SM2.Signing.PrivateKey()
let leafKey = SM2.Signing.PrivateKey()
let root = try X509CertificateBuilder.certificateAuthority(
    subject: [.country("CN"), .commonName("某某市测试根 CA")], validFor: 10 * 365 * 86_400
).selfSigned(with: .sm2(rootKey))
let leaf = try X509CertificateBuilder.endEntity(
    subject: [.country("CN"), .organization("某某市人民政府"), .commonName("某某市人民政府")], validFor: 365 * 86_400
).issue(for: .sm2(leafKey.publicKey), issuer: root, issuerKey: .sm2(rootKey))

let parsed = try X509Certificate(pemRepresentation: leaf.pemRepresentation)
print(parsed.subject, parsed.signatureAlgorithm)  // CN=某某市人民政府,O=某某市人民政府,C=CN SM3withSM2
print(X509Verifier(trustRoots: [root]).verify(parsed).isValid)  // true

// The root's list revokes the leaf: a verifier that checks revocation now refuses it.
var revocations = X509RevocationListBuilder(crlNumber: 1, validFor: 7 * 86_400)
revocations.revoke(leaf, at: Date(), reason: .keyCompromise)
let list = try revocations.issue(issuer: root, issuerKey: .sm2(rootKey))
let checking = X509Verifier(trustRoots: [root]) { .notRevoked(by: [list]) }
if case .revocation(.revoked(let entry)) = checking.verify(parsed).failure?.reason {
    print("revoked:", entry.reason?.name ?? "unspecified")  // revoked: keyCompromise
}
