import Benchmark
import Foundation
import UnifiedIdentity

/// A realistic login: registered and e-government claims, about 400 bytes of payload.
private let claims = IdentityClaims(
    issuer: "https://sso.zj.example.gov.cn", subject: "Hq0PqG0b1c0Wn6v3bmNQXqvx1r1ZzLqDgT3v9n6u0pQ",
    audience: ["dept-social-security"], expiresAt: Date().addingTimeInterval(86_400), issuedAt: Date(),
    tokenID: "0f8Xr2mKqZ7c9YbL1aWd3g", principalKind: .naturalPerson, assuranceLevel: .strongVerification,
    authenticationMethods: [.face, .sms], department: "dept-social-security", sessionID: "sso-2b1f6c")

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.throughput, .wallClock], scalingFactor: .one, maxDuration: .seconds(3), maxIterations: 1_000_000)

    // The parser alone, on a token whose signature is never checked.
    let forged =
        Base64URL.encode(
            Array(#"{"alg":"SM2SM3","kid":"jWQGQz1l8VFOVtb6bPxkIpIxyV3TLGlPf3tz0aUTIao","typ":"JWT"}"#.utf8))
        + "." + Base64URL.encode(Array(claims.jsonString.utf8)) + "."
        + Base64URL.encode([UInt8](repeating: 7, count: 64))
    Benchmark("parse token and claims", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try CompactJWS(parsing: forged).claims())
        }
    }
}
