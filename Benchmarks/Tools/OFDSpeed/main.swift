import BenchmarkSupport
import ESeal
import Foundation
import GMCertificates
import GMCrypto
import OFD
import ZhengwuKitCore

// OFD verification measured against a reference in the same process (Scripts/bench-ofd):
//   OFDSpeed rate FILE.ofd SECONDS   verifications per second of FILE on one core, and the rate of its
//                                    reference: its SM2 verifications (maker and signer) plus SM3 of
//                                    every protected file and of Signature.xml, from bytes in memory
//   OFDSpeed make-large OUT.ofd MB   a sealed OFD carrying an MB-megabyte attachment
//   OFDSpeed verify FILE.ofd         one integrity-only verification (for peak-memory measurement)
//   OFDSpeed loop FILE.ofd SECONDS   verifications alone for SECONDS of CPU time (for a profiler)
//   OFDSpeed loop-data FILE.ofd SECONDS  the same, the package handed over as bytes in memory
//   OFDSpeed count FILE.ofd N        N verifications alone (for instruction counts under callgrind)
//   OFDSpeed count-reference FILE.ofd N  N runs of the reference alone (the same, for the reference)

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

/// `value`, or the end of the run with `message` when there is none.
func required<Value>(_ value: Value?, _ message: @autoclosure () -> String) -> Value {
    guard let value else { fail(message()) }
    return value
}

/// Operations per CPU second of `body`, run for about `seconds` of CPU time.
func measure(seconds: Double, _ body: () -> Void) -> Double {
    var count = 0
    let start = threadCPUTime()
    var elapsed = 0.0
    repeat {
        for _ in 0..<20 { body() }
        count += 20
        elapsed = (threadCPUTime() - start) / .seconds(1)
    } while elapsed < seconds
    return Double(count) / elapsed
}

func sm2Key(_ der: [UInt8]) -> SM2.Signing.PublicKey {
    guard let certificate = try? X509Certificate(derRepresentation: der), case .sm2(let key) = certificate.publicKey
    else { fail("not an SM2 certificate") }
    return key
}

func signatureValue(_ bytes: [UInt8]) -> SM2.Signing.Signature {
    if bytes.count == 64, let raw = try? SM2.Signing.Signature(rawRepresentation: bytes) { return raw }
    guard let der = try? SM2.Signing.Signature(derRepresentation: bytes) else { fail("bad signature value") }
    return der
}

/// The reference for `file`: what any verifier of it must do, with the bytes already in memory
/// (SM3 of every protected file and of Signature.xml, the maker's and the signer's SM2
/// verifications), and how many files it hashes.
func makeReference(_ file: OFDFile) -> (body: () -> Void, files: Int) {
    let entry = required((try? file.signatureEntries(of: file.documents[0]))?.first, "no signature")
    let signature = required(try? file.signature(at: entry.path), "unreadable signature")
    let protected = signature.references.compactMap { $0.path }.map { (try? file.package.data(at: $0)) ?? [] }
    let signatureXML = (try? file.package.data(at: entry.path)) ?? []
    let value = (try? file.package.data(at: signature.signedValuePath ?? "")) ?? []
    let signed = required(try? ElectronicSignature(derEncoded: value), "unreadable SES_Signature")
    let makerKey = sm2Key(signed.seal.makerCertificate)
    let signerKey = sm2Key(signed.signerCertificate)
    let makerSignature = signatureValue(signed.seal.signatureValue)
    let signerSignature = signatureValue(signed.signatureValue)
    let body = {
        for bytes in protected { _ = SM3.hash(data: bytes) }
        _ = SM3.hash(data: signatureXML)
        guard makerKey.isValidSignature(makerSignature, for: signed.seal.signedBytes, userID: .default),
            signerKey.isValidSignature(signerSignature, for: signed.signedBytes, userID: .default)
        else { fail("reference verification failed") }
    }
    return (body, protected.count + 1)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: OFDSpeed rate|make-large|verify ...") }
switch arguments[1] {
case "rate":
    let seconds = arguments.count > 3 ? Double(arguments[3]) ?? 3 : 3
    let url = URL(fileURLWithPath: arguments[2])
    let data = required(try? Data(contentsOf: url), "cannot read \(arguments[2])")
    let verifier = OFDVerifier(sealVerifier: SealVerifier(mode: .integrityOnly), mode: .integrityOnly)
    guard let probe = try? OFDFile(data: data), verifier.verify(probe).isValid else {
        fail("the file does not verify")
    }
    let (reference, fileCount) = makeReference(probe)
    // Rounds alternate the reference and the verification so that a change in the machine's
    // load hits both; the ratio is the median of the per-round ratios.
    var rounds: [(reference: Double, rate: Double)] = []
    for _ in 0..<5 {
        let referenceRate = measure(seconds: seconds, reference)
        let rate = measure(seconds: seconds) {
            // As `zwkit ofd verify` does: the package read from its file, entries streamed out of it.
            guard let report = try? verifier.verify(contentsOf: url), report.isValid else {
                fail("verification failed")
            }
        }
        rounds.append((referenceRate, rate))
        print(
            String(
                format: "round: reference %8.0f /s, OFD verification %8.0f /s, ratio %.3f", referenceRate, rate,
                referenceRate / rate))
    }
    let ratios = rounds.map { $0.reference / $0.rate }.sorted()
    let rates = rounds.map(\.rate).sorted()
    print(
        String(
            format: "reference: 2 SM2 verifications + SM3 of %d files, from memory; per CPU second", fileCount
        ))
    print(
        String(
            format: "OFD verification (open, parse, hash, verify), median: %8.0f /s per core (goal >= 1500)", rates[2]))
    print(String(format: "cost ratio verification / reference, median of rounds: %.3f (goal <= 1.3)", ratios[2]))
case "make-large":
    let megabytes = arguments.count > 3 ? Int(arguments[3]) ?? 100 : 100
    let validity: TimeInterval = 86_400
    let caKey = SM2.Signing.PrivateKey()
    let ca = required(
        try? X509CertificateBuilder.certificateAuthority(subject: [.commonName("Bench CA")], validFor: validity)
            .selfSigned(with: .sm2(caKey)), "CA")
    let key = SM2.Signing.PrivateKey()
    let certificate = required(
        try? X509CertificateBuilder.endEntity(subject: [.commonName("Bench")], validFor: validity)
            .issue(for: .sm2(key.publicKey), issuer: ca, issuerKey: .sm2(caKey)), "certificate")
    let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00,
        0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF,
        0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
    guard
        let seal = try? SealBuilder(
            name: "基准测试", type: 1,
            picture: SealPicture(data: png, widthMillimetres: 40, heightMillimetres: 40),
            signerCertificates: [certificate], validStart: Date(), validEnd: Date().addingTimeInterval(validity)
        ).make(makerKey: key, makerCertificate: certificate),
        let signer = try? SealSigner(privateKey: key, certificate: certificate),
        let base = try? OFDFile.makeTextDocument(title: "large", pages: ["大文件"]),
        let package = try? OFDPackage(data: base)
    else { fail("setup") }
    // Random bytes do not compress: the attachment stays about MB megabytes inside the zip too.
    var generator = SystemRandomNumberGenerator()
    var large = [UInt8](repeating: 0, count: megabytes << 20)
    for index in stride(from: 0, to: large.count, by: 8) {
        withUnsafeBytes(of: generator.next() as UInt64) { word in
            for offset in 0..<min(8, large.count - index) { large[index + offset] = word[offset] }
        }
    }
    guard let withAttachment = try? package.rewriting(["Doc_0/Res/large.bin": large]),
        let file = try? OFDFile(data: withAttachment),
        let sealed = try? OFDSealer(seal: seal, signer: signer).seal(file, placement: .position(page: 1, x: 10, y: 10))
    else { fail("sealing failed") }
    do {
        try sealed.write(to: URL(fileURLWithPath: arguments[2]))
    } catch {
        fail("\(error)")
    }
    print("wrote \(arguments[2]): \(sealed.count) bytes")
case "verify":
    let verifier = OFDVerifier(sealVerifier: SealVerifier(mode: .integrityOnly), mode: .integrityOnly)
    do {
        let report = try verifier.verify(contentsOf: URL(fileURLWithPath: arguments[2]))
        print("verified: \(report.signatures.map(\.integrity.rawValue)), valid \(report.isValid)")
        exit(report.isValid ? 0 : 1)
    } catch {
        fail("\(error)")
    }
case "loop":
    let seconds = arguments.count > 3 ? Double(arguments[3]) ?? 3 : 3
    let url = URL(fileURLWithPath: arguments[2])
    let verifier = OFDVerifier(sealVerifier: SealVerifier(mode: .integrityOnly), mode: .integrityOnly)
    let rate = measure(seconds: seconds) {
        guard let report = try? verifier.verify(contentsOf: url), report.isValid else { fail("verification failed") }
    }
    print(String(format: "OFD verification: %8.0f /s per core", rate))
case "loop-data":
    let seconds = arguments.count > 3 ? Double(arguments[3]) ?? 3 : 3
    let data = required(try? Data(contentsOf: URL(fileURLWithPath: arguments[2])), "cannot read \(arguments[2])")
    let verifier = OFDVerifier(sealVerifier: SealVerifier(mode: .integrityOnly), mode: .integrityOnly)
    let rate = measure(seconds: seconds) {
        guard let file = try? OFDFile(data: data), verifier.verify(file).isValid else { fail("verification failed") }
    }
    print(String(format: "OFD verification from bytes in memory: %8.0f /s per core", rate))
case "count-reference":
    let count = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1
    let file = required(try? OFDFile(contentsOf: URL(fileURLWithPath: arguments[2])), "cannot read \(arguments[2])")
    let reference = makeReference(file).body
    for _ in 0..<count { reference() }
    print("\(count) references")
case "count":
    let count = arguments.count > 3 ? Int(arguments[3]) ?? 1 : 1
    let url = URL(fileURLWithPath: arguments[2])
    let verifier = OFDVerifier(sealVerifier: SealVerifier(mode: .integrityOnly), mode: .integrityOnly)
    for _ in 0..<count {
        guard let report = try? verifier.verify(contentsOf: url), report.isValid else { fail("verification failed") }
    }
    print("\(count) verifications")
default:
    fail("usage: OFDSpeed rate|make-large|verify|loop|loop-data|count|count-reference ...")
}
