import Foundation
import GMCertificates
import GMCrypto

#if canImport(Glibc)
    import Glibc
#endif

// Measures GMCrypto the way `openssl speed` measures OpenSSL, so Scripts/bench-gmcrypto can
// print ratios from one run: the same operations on the same input sizes, counted against
// the process's user CPU time (what `openssl speed` divides by unless given -elapsed).
//
// Output: one line per measurement, "name operations-per-second bytes-per-second".

let seconds = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 3
// An optional second argument names the one measurement to run (e.g. "sm3-64").
let only = CommandLine.arguments.dropFirst(2).first

func userCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1_000_000
}

/// Runs `operation` in batches until `seconds` of user CPU time have passed.
func measure(_ name: String, bytesPerOperation: Int = 0, _ operation: () throws -> Void) rethrows {
    if let only, name != only { return }
    for _ in 0..<10 { try operation() }  // warm up caches and lazily fetched algorithms
    var count = 0
    let start = userCPUSeconds()
    var elapsed = 0.0
    while elapsed < seconds {
        for _ in 0..<16 { try operation() }
        count += 16
        elapsed = userCPUSeconds() - start
    }
    let rate = Double(count) / elapsed
    print(name, String(format: "%.2f", rate), String(format: "%.2f", rate * Double(bytesPerOperation)))
}

// `openssl speed sm2` signs and verifies a 20-byte buffer with the default ID path.
let message = [UInt8](repeating: 0x5a, count: 20)
let key = SM2.Signing.PrivateKey()
let publicKey = key.publicKey
let signature = try key.signature(for: message)

try measure("sm2-sign") { _ = try key.signature(for: message) }
measure("sm2-verify") {
    precondition(publicKey.isValidSignature(signature, for: message))
}

for size in [16, 64, 1024, 16384, 1_048_576] {
    let input = [UInt8](repeating: 0x33, count: size)
    measure("sm3-\(size)", bytesPerOperation: size) { _ = SM3.hash(data: input) }
}

let hmacKey = SecretKey(size: .bits256)
for size in [16, 64, 1024, 16384] {
    let input = [UInt8](repeating: 0x33, count: size)
    measure("hmac-sm3-\(size)", bytesPerOperation: size) {
        _ = KeyedHash<SM3>.authenticationCode(for: input, using: hmacKey)
    }
}

// Encryption without padding, as `openssl speed -evp sm4-*` measures it.
let sm4Key = SecretKey(size: .bits128)
let iv = [UInt8](repeating: 0, count: 16)
for size in [16, 64, 1024, 16384] {
    let input = [UInt8](repeating: 0x33, count: size)
    try measure("sm4-ecb-\(size)", bytesPerOperation: size) {
        _ = try SM4.ECB.encrypt(input, using: sm4Key, padding: .none)
    }
    try measure("sm4-cbc-\(size)", bytesPerOperation: size) {
        _ = try SM4.CBC.encrypt(input, using: sm4Key, iv: iv, padding: .none)
    }
    try measure("sm4-ctr-\(size)", bytesPerOperation: size) {
        _ = try SM4.CTR.encrypt(input, using: sm4Key, counter: iv)
    }
}

// Certificate parsing (an SM2 CA certificate issued here), against a plain C loop over
// d2i_X509 that Scripts/bench-x509 runs on the same file.
let certificateKey = X509Certificate.PrivateKey.generate(.sm2)
let certificate = try X509CertificateBuilder.certificateAuthority(
    subject: [.country("CN"), .organization("某某市人民政府"), .commonName("某某市测试根 CA")], validFor: 86_400
).selfSigned(with: certificateKey)
let certificateDER = [UInt8](certificate.derRepresentation)
let certificatePEM = certificate.pemRepresentation
if let path = ProcessInfo.processInfo.environment["GMCRYPTO_SPEED_CERTIFICATE_OUT"] {
    try Data(certificateDER).write(to: URL(fileURLWithPath: path))
}
try measure("x509-parse-der") { _ = try X509Certificate(derRepresentation: certificateDER) }
try measure("x509-parse-pem") { _ = try X509Certificate(pemRepresentation: certificatePEM) }
measure("x509-signature") { precondition(certificate.isValidSignature(issuedBy: certificate)) }
