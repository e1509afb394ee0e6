import Foundation
import GMCertificates
import GMCrypto

/// `zwkit demo` section 证书 X.509: a root, an intermediate and a leaf issued on the spot,
/// the chain verified, then the same chain checked at a time the leaf has expired.
struct CertificateDemo: DemoSection {
    let title = "证书 X.509"

    struct Unexpected: Error, CustomStringConvertible {
        let description: String
    }

    func run() async throws {
        let year: TimeInterval = 365 * 86_400
        let rootKey = SM2.Signing.PrivateKey()
        let intermediateKey = SM2.Signing.PrivateKey()
        let leafKey = SM2.Signing.PrivateKey()

        let root = try X509CertificateBuilder.certificateAuthority(
            subject: [.country("CN"), .organization("某某省数字证书认证中心"), .commonName("某某省测试根 CA")],
            pathLengthConstraint: 1, validFor: 10 * year
        ).selfSigned(with: .sm2(rootKey))
        let intermediate = try X509CertificateBuilder.certificateAuthority(
            subject: [.country("CN"), .organization("某某省数字证书认证中心"), .commonName("某某市中级 CA")],
            pathLengthConstraint: 0, validFor: 5 * year
        ).issue(for: .sm2(intermediateKey.publicKey), issuer: root, issuerKey: .sm2(rootKey))
        let leaf = try X509CertificateBuilder.endEntity(
            subject: [.country("CN"), .organization("某某市人民政府"), .commonName("某某市人民政府")], validFor: year
        ).issue(for: .sm2(leafKey.publicKey), issuer: intermediate, issuerKey: .sm2(intermediateKey))
        for certificate in [root, intermediate, leaf] {
            Console.output(
                "issued   \(certificate.subject)  (\(certificate.signatureAlgorithm), serial \(certificate.serialNumber))"
            )
        }

        let verifier = X509Verifier(trustRoots: [root])
        guard case .valid(let chain) = verifier.verify(leaf, intermediates: [intermediate]) else {
            throw Unexpected(description: "the freshly issued chain did not verify")
        }
        Console.output("verified " + chain.map { $0.subject.commonName ?? "?" }.joined(separator: " ← "))

        let later = leaf.notAfter.addingTimeInterval(86_400)
        guard let failure = verifier.verify(leaf, intermediates: [intermediate], at: later).failure,
            failure.reason == .expired(notAfter: leaf.notAfter)
        else { throw Unexpected(description: "a chain checked after the leaf expired was not reported as expired") }
        Console.output("a day after notAfter: \(failure.chineseTerm) — \(failure.message), depth \(failure.depth)")

        guard verifier.verify(leaf).failure?.reason == .untrustedRoot else {
            throw Unexpected(description: "a leaf without its intermediate was not reported as untrusted")
        }
        Console.output("without the intermediate: 证书链不可信 (no path to the trusted root)")
    }
}
