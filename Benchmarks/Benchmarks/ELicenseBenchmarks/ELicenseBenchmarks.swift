import Benchmark
import BenchmarkSupport
import ELicense
import ESeal
import Foundation
import GMCertificates
import GMCrypto
import OFD

/// Licence verification rate, seal (with chains) and schema checks included, against the
/// reference measured in the same run: the OFD module's verification of the same file's seal
/// alone. `Scripts/bench-elicense` prints the rate per core and the ratio.
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, threadCPU, .throughput, .mallocCountTotal], warmupIterations: 20,
        maxDuration: .seconds(4), maxIterations: 5_000)
    guard let fixture = try? LicenceFixture() else {
        fatalError("cannot build the benchmark fixture")
    }

    Benchmark("ELicense: verify an OFD licence (seal, chains, schemas, every check)", configuration: configuration) {
        benchmark in
        measuringThreadCPU(benchmark) {
            let report = fixture.verifier.verify(ofd: fixture.ofd)
            precondition(report.verdict == .trusted)
            blackHole(report)
        }
    }

    Benchmark("ELicense: content checks alone (schemas, codes, dates)", configuration: configuration) { benchmark in
        measuringThreadCPU(benchmark) {
            blackHole(try? fixture.issuer.check(fixture.data))
        }
    }

    Benchmark("ELicense: reference: OFD seal verification of the same file", configuration: configuration) {
        benchmark in
        measuringThreadCPU(benchmark) {
            guard let file = try? OFDFile(data: fixture.ofd) else { fatalError("the fixture does not read") }
            let report = fixture.ofdVerifier.verify(file)
            precondition(report.isValid)
            blackHole(report)
        }
    }

    Benchmark("ELicense: issue a sealed OFD licence", configuration: configuration) { benchmark in
        measuringThreadCPU(benchmark) {
            blackHole(try? fixture.issuer.issue(fixture.data))
        }
    }
}

/// CPU time of the measuring thread, in microseconds a sample (see `threadCPUTime`): the goal
/// is a rate per core.
let threadCPU = BenchmarkMetric.custom("Thread CPU time (μs)", polarity: .prefersSmaller, useScalingFactor: true)

/// Runs `body` for the sample's iterations and records the thread CPU time they took.
func measuringThreadCPU(_ benchmark: Benchmark, _ body: () -> Void) {
    let start = threadCPUTime()
    for _ in benchmark.scaledIterations { body() }
    benchmark.measurement(threadCPU, Int((threadCPUTime() - start) / .microseconds(1)))
}

/// A CA, a maker and an issuer made in memory, and one business licence issued by them.
struct LicenceFixture: @unchecked Sendable {
    let issuer: LicenceIssuer
    let data: LicenceData
    let ofd: Data
    let verifier: LicenceVerifier
    let ofdVerifier: OFDVerifier

    init() throws {
        let validity: TimeInterval = 30 * 86_400
        let caKey = SM2.Signing.PrivateKey()
        let ca = try X509CertificateBuilder.certificateAuthority(subject: [.commonName("Bench CA")], validFor: validity)
            .selfSigned(with: .sm2(caKey))
        let makerKey = SM2.Signing.PrivateKey()
        let issuerKey = SM2.Signing.PrivateKey()
        let maker = try X509CertificateBuilder.endEntity(subject: [.commonName("maker")], validFor: validity)
            .issue(for: .sm2(makerKey.publicKey), issuer: ca, issuerKey: .sm2(caKey))
        let certificate = try X509CertificateBuilder.endEntity(subject: [.commonName("issuer")], validFor: validity)
            .issue(for: .sm2(issuerKey.publicKey), issuer: ca, issuerKey: .sm2(caKey))
        let png: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
            0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00,
            0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF,
            0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
        ]
        let seal = try SealBuilder(
            name: "bench", type: 1, picture: try SealPicture(data: png, widthMillimetres: 40, heightMillimetres: 40),
            signerCertificates: [certificate], validStart: Date(), validEnd: Date().addingTimeInterval(validity)
        ).make(makerKey: makerKey, makerCertificate: maker)
        issuer = try LicenceIssuer(seal: seal, privateKey: issuerKey, certificate: certificate)
        let type = try LicenceCatalogue.standard.type(code: "11100000MB0143028R001")
        guard let json = LicenceRequest.exampleJSON(for: type) else { throw ELicenseError.unknownType(type.code) }
        data = try issuer.prepare(try LicenceRequest(json: Array(json.utf8)), typeCode: type.code)
        ofd = try issuer.issue(data)
        verifier = LicenceVerifier(trustAnchors: [ca])
        ofdVerifier = OFDVerifier(sealVerifier: SealVerifier(trustAnchors: [ca]))
    }
}
