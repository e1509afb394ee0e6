import Benchmark
@_spi(Benchmarks) import ESeal
import Foundation
import GMCertificates
import GMCrypto

/// Seal making, signing and verification rates, and the reference verification is
/// budgeted against: the two SM2 verifications (maker over SES_SealInfo, signer over
/// TBS_Sign) plus SM3 of the data, on the same inputs. `Scripts/bench-eseal` prints the ratio.
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal], warmupIterations: 20, maxDuration: .seconds(4),
        maxIterations: 5_000)
    guard let fixture = try? SealFixture() else {
        fatalError("cannot build the benchmark fixture")
    }

    Benchmark("ESeal: make a seal (制章)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try fixture.builder.make(makerKey: fixture.makerKey, makerCertificate: fixture.maker))
        }
    }

    Benchmark("ESeal: sign 4 KiB (签章)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try fixture.signer.sign(seal: fixture.seal, data: .bytes(fixture.data), propertyInfo: "doc"))
        }
    }

    Benchmark("ESeal: verify a signature of 4 KiB (验章)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let report = SealVerifier(mode: .integrityOnly).verifySignature(
                fixture.signatureBytes, data: .bytes(fixture.data))
            precondition(report.isValid)
            blackHole(report)
        }
    }

    // The same verification with the certificate cache emptied first: the maker's and the
    // signer's certificates are parsed again, as on a service's first sight of a seal.
    Benchmark("ESeal: verify, certificate cache cold", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            SealVerifier.emptyCertificateCache()
            let report = SealVerifier(mode: .integrityOnly).verifySignature(
                fixture.signatureBytes, data: .bytes(fixture.data))
            precondition(report.isValid)
            blackHole(report)
        }
    }

    Benchmark("ESeal: reference: 2 SM2 verifications + SM3 of 4 KiB", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let maker = fixture.makerPublicKey.isValidSignature(
                fixture.makerSignature, for: fixture.sealInfoBytes, userID: fixture.userID)
            let signer = fixture.signerPublicKey.isValidSignature(
                fixture.signerSignature, for: fixture.tbsBytes, userID: fixture.userID)
            let digest = SM3.hash(data: fixture.data)
            precondition(maker && signer)
            blackHole(digest)
        }
    }
}

/// A CA, maker, signer, seal and signature built once.
struct SealFixture: @unchecked Sendable {
    let makerKey: SM2.Signing.PrivateKey
    let maker: X509Certificate
    let builder: SealBuilder
    let seal: ElectronicSeal
    let signer: SealSigner
    let data: [UInt8]
    let signatureBytes: [UInt8]
    let userID = SM2.UserID.default
    let makerPublicKey: SM2.Signing.PublicKey
    let signerPublicKey: SM2.Signing.PublicKey
    let makerSignature: SM2.Signing.Signature
    let signerSignature: SM2.Signing.Signature
    let sealInfoBytes: [UInt8]
    let tbsBytes: [UInt8]

    init() throws {
        let year: TimeInterval = 365 * 86_400
        let caKey = SM2.Signing.PrivateKey()
        let ca = try X509CertificateBuilder.certificateAuthority(subject: [.commonName("Bench CA")], validFor: year)
            .selfSigned(with: .sm2(caKey))
        makerKey = SM2.Signing.PrivateKey()
        let signerKey = SM2.Signing.PrivateKey()
        maker = try X509CertificateBuilder.endEntity(subject: [.commonName("Bench maker")], validFor: year)
            .issue(for: .sm2(makerKey.publicKey), issuer: ca, issuerKey: .sm2(caKey))
        let signerCertificate = try X509CertificateBuilder.endEntity(
            subject: [.commonName("Bench signer")], validFor: year
        ).issue(for: .sm2(signerKey.publicKey), issuer: ca, issuerKey: .sm2(caKey))
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 4_000)
        builder = SealBuilder(
            name: "基准测试印章", type: 1,
            picture: try SealPicture(data: png, widthMillimetres: 40, heightMillimetres: 40),
            signerCertificates: [signerCertificate], validStart: Date().addingTimeInterval(-60),
            validEnd: Date().addingTimeInterval(year))
        seal = try builder.make(makerKey: makerKey, makerCertificate: maker)
        signer = try SealSigner(privateKey: signerKey, certificate: signerCertificate)
        data = (0..<4_096).map { UInt8(truncatingIfNeeded: $0) }
        let signature = try signer.sign(seal: seal, data: .bytes(data), propertyInfo: "doc")
        signatureBytes = signature.derRepresentation
        makerPublicKey = makerKey.publicKey
        signerPublicKey = signerKey.publicKey
        makerSignature = try SM2.Signing.Signature(derRepresentation: seal.signatureValue)
        signerSignature = try SM2.Signing.Signature(derRepresentation: signature.signatureValue)
        sealInfoBytes = seal.signedBytes
        tbsBytes = signature.signedBytes
    }
}
