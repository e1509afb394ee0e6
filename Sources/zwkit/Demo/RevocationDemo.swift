import Foundation
import GMCertificates
import GMCrypto
import ZhengwuKitCore

/// `zwkit demo` section 证书撤销 CRL: a CA issues two leaves, then a revocation list naming
/// one of them; the chain verifier with the revocation policy tells them apart.
struct RevocationDemo: DemoSection {
    let title = "证书撤销 CRL"

    struct Unexpected: Error, CustomStringConvertible {
        let description: String
    }

    func run() async throws {
        let day: TimeInterval = 86_400
        let caKey = X509Certificate.PrivateKey.generate(.sm2)
        let ca = try X509CertificateBuilder.certificateAuthority(
            subject: [.country("CN"), .organization("某某省数字证书认证中心"), .commonName("某某省测试 CA")], validFor: 3_650 * day
        ).selfSigned(with: caKey)
        let leaf = X509CertificateBuilder.endEntity(subject: [.country("CN"), .commonName("经办人")], validFor: 365 * day)
        let kept = try leaf.issue(
            for: X509Certificate.PrivateKey.generate(.sm2).publicKey, issuer: ca, issuerKey: caKey)
        let lost = try leaf.issue(
            for: X509Certificate.PrivateKey.generate(.sm2).publicKey, issuer: ca, issuerKey: caKey)

        var builder = X509RevocationListBuilder(crlNumber: 1, validFor: 7 * day)
        builder.revoke(lost, at: Date().addingTimeInterval(-60), reason: .keyCompromise)
        let list = try builder.issue(issuer: ca, issuerKey: caKey)
        Console.output(
            "issued   CRL \(list.crlNumberDescription ?? "?") of \(list.issuer.commonName ?? "?") (\(list.signatureAlgorithm)), \(list.entries.count) entry, next update \(list.nextUpdate.map(Timestamp.format) ?? "none")"
        )

        let verifier = X509Verifier(trustRoots: [ca]) { .notRevoked(by: [list]) }
        guard verifier.verify(kept).isValid else {
            throw Unexpected(description: "a certificate the list does not name was not accepted")
        }
        Console.output("serial \(kept.serialNumber): not revoked")
        guard let failure = verifier.verify(lost).failure, case .revocation(.revoked) = failure.reason else {
            throw Unexpected(description: "a revoked certificate was not reported as revoked")
        }
        Console.output("serial \(lost.serialNumber): \(failure.chineseTerm) — \(failure.message)")
    }
}
