import Foundation
import GMCrypto
import UnifiedIdentity

// Verifies one token COUNT times through the token verifier and COUNT times through GMCrypto's
// raw verification (same key, same bytes, same signature: SM2's cost varies with (r, s)), each
// in its own function, so `valgrind --tool=callgrind` counts both in one process; instruction
// counts stay the same however busy the machine is (Scripts/bench-identity --instructions).
//   IdentityInstructions (SM2|ES256) COUNT [--time]
// With --time it instead alternates chunks of 16 raw and 16 token verifications COUNT times and
// prints the fastest chunk of each, per verification: a wall-clock ratio that load disturbs less.
// The token side is the verifier's synchronous core (parse, key selection, signature, claims);
// the async policies are left out: valgrind cannot follow Swift's task switches.
let arguments = Array(CommandLine.arguments.dropFirst())
guard (2...3).contains(arguments.count), ["SM2", "ES256"].contains(arguments[0]), let count = Int(arguments[1]),
    arguments.count == 2 || arguments[2] == "--time"
else {
    FileHandle.standardError.write(Data("usage: IdentityInstructions (SM2|ES256) COUNT [--time]\n".utf8))
    exit(2)
}
let isSM2 = arguments[0] == "SM2"

let claims = IdentityClaims(
    issuer: "https://sso.zj.example.gov.cn", subject: "Hq0PqG0b1c0Wn6v3bmNQXqvx1r1ZzLqDgT3v9n6u0pQ",
    audience: ["dept-social-security"], expiresAt: Date().addingTimeInterval(86_400), issuedAt: Date(),
    tokenID: "0f8Xr2mKqZ7c9YbL1aWd3g", principalKind: .naturalPerson, assuranceLevel: .strongVerification,
    authenticationMethods: [.face, .sms], department: "dept-social-security", sessionID: "sso-2b1f6c")

// Both sides read the key from the same PEM, as in UnifiedIdentityBenchmarks.
let pem = isSM2 ? SM2.Signing.PrivateKey().pemRepresentation : NISTP256.Signing.PrivateKey().pemRepresentation
let key = try SigningKey(pemRepresentation: pem)
let verifier = TokenVerifier(keys: KeySet(signingKey: key))
let token = try TokenIssuer(issuer: "https://sso.zj.example.gov.cn", signingKey: key).sign(claims)
let signatureDot = token.utf8.lastIndex(of: UInt8(ascii: ".")) ?? token.utf8.endIndex
let signingInput = Array(token.utf8[..<signatureDot])
let tokenSignature = Base64URL.decode(Array(token.utf8[token.utf8.index(after: signatureDot)...])) ?? []

@inline(never)
func tokenLoop(_ count: Int) -> Int {
    (0..<count).reduce(0) { valid, _ in valid + ((try? verifier.verifySignature(token)) == nil ? 0 : 1) }
}

@inline(never)
func rawLoop(_ count: Int, verify: () -> Bool) -> Int {
    (0..<count).reduce(0) { valid, _ in valid + (verify() ? 1 : 0) }
}

let rawVerify: () -> Bool
if isSM2 {
    let publicKey = try SM2.Signing.PrivateKey(pemRepresentation: pem).publicKey
    let signature = try SM2.Signing.Signature(rawRepresentation: tokenSignature)
    rawVerify = { publicKey.isValidSignature(signature, for: signingInput) }
} else {
    let publicKey = try NISTP256.Signing.PrivateKey(pemRepresentation: pem).publicKey
    let signature = try NISTP256.Signing.ECDSASignature(rawRepresentation: tokenSignature)
    rawVerify = { publicKey.isValidSignature(signature, for: signingInput) }
}

if arguments.count == 3 {
    let clock = ContinuousClock()
    var fastestRaw = Duration.seconds(1_000)
    var fastestToken = Duration.seconds(1_000)
    for _ in 0..<count {
        fastestRaw = min(fastestRaw, clock.measure { _ = rawLoop(16, verify: rawVerify) })
        fastestToken = min(fastestToken, clock.measure { _ = tokenLoop(16) })
    }
    let microseconds = { (duration: Duration) in
        (Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12) / 16
    }
    let (raw, token) = (microseconds(fastestRaw), microseconds(fastestToken))
    print(String(format: "raw %.1f µs, token core %.1f µs, ratio %.3f", raw, token, raw / token))
    exit(0)
}
let rawValid = rawLoop(count, verify: rawVerify)
let tokenValid = tokenLoop(count)
guard rawValid == count, tokenValid == count else {
    FileHandle.standardError.write(Data("verified raw \(rawValid), token \(tokenValid) of \(count)\n".utf8))
    exit(1)
}
