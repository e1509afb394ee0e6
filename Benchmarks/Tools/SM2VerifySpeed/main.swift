@_spi(Benchmarks) import ESeal
import Foundation
import GMCertificates
@_spi(Benchmarks) import GMCrypto
import UnifiedIdentity

#if canImport(Glibc)
    import Glibc
#endif

// Scripts/bench-sm2: SM2 verification, a full seal verification (certificate cache warm) and
// an SM2 token verification, each with GMCrypto's dedicated SM2 verification and with
// OpenSSL's (the code before issue 13), back to back in one process. Rates count against user
// CPU time, as `openssl speed` does.
//   SM2VerifySpeed SECONDS                   one line per measurement: "name backend rate"
//   SM2VerifySpeed --loops COUNT             COUNT of each, in @inline(never) loops for callgrind
let arguments = Array(CommandLine.arguments.dropFirst())

let year: TimeInterval = 365 * 86_400
// `openssl speed sm2` verifies a 20-byte message.
let message = [UInt8](repeating: 0x5a, count: 20)
let key = SM2.Signing.PrivateKey()
let publicKey = key.publicKey
let messageSignature = try key.signature(for: message)

let makerKey = SM2.Signing.PrivateKey()
let signerKey = SM2.Signing.PrivateKey()
let maker = try X509CertificateBuilder.endEntity(subject: [.commonName("Bench maker")], validFor: year)
    .selfSigned(with: .sm2(makerKey))
let signerCertificate = try X509CertificateBuilder.endEntity(subject: [.commonName("Bench signer")], validFor: year)
    .selfSigned(with: .sm2(signerKey))
let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 4_000)
let seal = try SealBuilder(
    name: "基准印章", type: 1, picture: try SealPicture(data: png, widthMillimetres: 40, heightMillimetres: 40),
    signerCertificates: [signerCertificate], validStart: Date().addingTimeInterval(-60),
    validEnd: Date().addingTimeInterval(year)
).make(makerKey: makerKey, makerCertificate: maker)
let data = (0..<4_096).map { UInt8(truncatingIfNeeded: $0) }
let sealSignature = try SealSigner(privateKey: signerKey, certificate: signerCertificate)
    .sign(seal: seal, data: .bytes(data), propertyInfo: "doc").derRepresentation

let claims = IdentityClaims(
    issuer: "https://sso.zj.example.gov.cn", subject: "Hq0PqG0b1c0Wn6v3bmNQXqvx1r1ZzLqDgT3v9n6u0pQ",
    audience: ["dept-social-security"], expiresAt: Date().addingTimeInterval(86_400), issuedAt: Date(),
    tokenID: "0f8Xr2mKqZ7c9YbL1aWd3g", principalKind: .naturalPerson, assuranceLevel: .strongVerification,
    authenticationMethods: [.face, .sms], department: "dept-social-security", sessionID: "sso-2b1f6c")
let tokenKey = try SigningKey(pemRepresentation: SM2.Signing.PrivateKey().pemRepresentation)
let tokenVerifier = TokenVerifier(keys: KeySet(signingKey: tokenKey))
let token = try TokenIssuer(issuer: "https://sso.zj.example.gov.cn", signingKey: tokenKey).sign(claims)

let operations: [(name: String, run: () -> Bool)] = [
    ("sm2-verify", { publicKey.isValidSignature(messageSignature, for: message) }),
    ("seal-verify", { SealVerifier(mode: .integrityOnly).verifySignature(sealSignature, data: .bytes(data)).isValid }),
    ("token-verify", { (try? tokenVerifier.verifySignature(token)) != nil }),
]

func userCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1_000_000
}

@inline(never)
func dedicatedLoop(_ count: Int, _ run: () -> Bool) -> Int {
    SM2VerificationBackend.current = .dedicated
    return (0..<count).reduce(0) { valid, _ in valid + (run() ? 1 : 0) }
}

@inline(never)
func openSSLLoop(_ count: Int, _ run: () -> Bool) -> Int {
    SM2VerificationBackend.current = .openSSL
    defer { SM2VerificationBackend.current = .dedicated }
    return (0..<count).reduce(0) { valid, _ in valid + (run() ? 1 : 0) }
}

if arguments.first == "--loops", arguments.count == 2, let count = Int(arguments[1]) {
    for operation in operations {
        guard dedicatedLoop(count, operation.run) == count, openSSLLoop(count, operation.run) == count else {
            fatalError("\(operation.name) did not verify")
        }
    }
    exit(0)
}
guard arguments.count == 1, let seconds = Double(arguments[0]) else {
    FileHandle.standardError.write(Data("usage: SM2VerifySpeed SECONDS | --loops COUNT\n".utf8))
    exit(2)
}
for operation in operations {
    for backend in [SM2VerificationBackend.dedicated, .openSSL] {
        SM2VerificationBackend.current = backend
        for _ in 0..<10 { precondition(operation.run(), "\(operation.name) did not verify") }
        var count = 0
        let start = userCPUSeconds()
        var elapsed = 0.0
        while elapsed < seconds {
            for _ in 0..<8 { precondition(operation.run()) }
            count += 8
            elapsed = userCPUSeconds() - start
        }
        print(
            operation.name, backend == .dedicated ? "dedicated" : "openssl",
            String(format: "%.1f", Double(count) / elapsed))
    }
}
SM2VerificationBackend.current = .dedicated
