import Benchmark
import Foundation
import GMCertificates
import GMCrypto

/// Certificate work as seal and token verification does it: parse a certificate, verify a
/// three-level SM2 chain, issue a leaf. The chain is issued once, before measuring.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal], maxDuration: .seconds(2))

    let year: TimeInterval = 365 * 86_400
    let rootKey = X509Certificate.PrivateKey.generate(.sm2)
    let intermediateKey = X509Certificate.PrivateKey.generate(.sm2)
    let leafKey = X509Certificate.PrivateKey.generate(.sm2)
    guard
        let root = try? X509CertificateBuilder.certificateAuthority(subject: [.commonName("根")], validFor: year)
            .selfSigned(with: rootKey),
        let intermediate = try? X509CertificateBuilder.certificateAuthority(
            subject: [.commonName("中级")], validFor: year
        )
        .issue(for: intermediateKey.publicKey, issuer: root, issuerKey: rootKey),
        let leaf = try? X509CertificateBuilder.endEntity(subject: [.commonName("某某市人民政府")], validFor: year)
            .issue(for: leafKey.publicKey, issuer: intermediate, issuerKey: intermediateKey)
    else { fatalError("benchmark setup: issuing the chain failed") }
    let leafDER = leaf.derRepresentation
    let leafPEM = leaf.pemRepresentation
    let verifier = X509Verifier(trustRoots: [root])

    Benchmark("X509: parse DER (SM2 leaf)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try X509Certificate(derRepresentation: leafDER))
        }
    }
    Benchmark("X509: parse PEM (SM2 leaf)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try X509Certificate(pemRepresentation: leafPEM))
        }
    }
    Benchmark("X509: one SM2 certificate signature") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(leaf.isValidSignature(issuedBy: intermediate))
        }
    }
    Benchmark("X509: verify root → intermediate → leaf") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(verifier.verify(leaf, intermediates: [intermediate]).isValid)
        }
    }
    Benchmark("X509: issue an SM2 leaf") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                try X509CertificateBuilder.endEntity(subject: [.commonName("叶")], validFor: year)
                    .issue(for: leafKey.publicKey, issuer: intermediate, issuerKey: intermediateKey))
        }
    }
}
