import Benchmark
import Foundation
import GMCrypto
import UnifiedIdentity

/// A realistic login: registered and e-government claims, about 400 bytes of payload.
private let claims = IdentityClaims(
    issuer: "https://sso.zj.example.gov.cn", subject: "Hq0PqG0b1c0Wn6v3bmNQXqvx1r1ZzLqDgT3v9n6u0pQ",
    audience: ["dept-social-security"], expiresAt: Date().addingTimeInterval(86_400), issuedAt: Date(),
    tokenID: "0f8Xr2mKqZ7c9YbL1aWd3g", principalKind: .naturalPerson, assuranceLevel: .strongVerification,
    authenticationMethods: [.face, .sms], department: "dept-social-security", sessionID: "sso-2b1f6c")

/// What each algorithm's benchmarks share: a key, an issuer, a verifier and one token.
private struct Fixture {
    let issuer: TokenIssuer
    let verifier: TokenVerifier
    let token: String
    let signingInput: [UInt8]
    /// The token's own signature, so raw and token verify the same (r, s): SM2's cost varies with it.
    let signature: [UInt8]

    init(_ key: SigningKey) throws {
        issuer = TokenIssuer(issuer: "https://sso.zj.example.gov.cn", signingKey: key)
        verifier = TokenVerifier(keys: KeySet(signingKey: key)) {
            IssuerAllowList(["https://sso.zj.example.gov.cn"])
            AudienceRequirement("dept-social-security")
        }
        token = try issuer.sign(claims)
        // What the signature covers: `header.payload`, everything before the last dot.
        let signatureDot = token.utf8.lastIndex(of: UInt8(ascii: ".")) ?? token.utf8.endIndex
        signingInput = Array(token.utf8[..<signatureDot])
        signature = Base64URL.decode(Array(token.utf8[token.utf8.index(after: signatureDot)...])) ?? []
    }
}

let benchmarks: @Sendable () -> Void = {
    // Every benchmark runs 1,000 operations per sample, so the async ones (token verify, the
    // cache) pay the harness's task hop once per thousand, like the synchronous raw ones.
    // Scripts/bench-identity multiplies the per-sample rates by 1,000.
    Benchmark.defaultConfiguration = Benchmark.Configuration(
        metrics: [.throughput, .wallClock, .mallocCountTotal], scalingFactor: .kilo, maxDuration: .seconds(5))

    // The raw operations are GMCrypto's, over the same bytes a token signs, with the same key
    // read the same way (from PEM): OpenSSL keys made by generation and by parsing can differ
    // in speed, which would otherwise show up as a false ratio.
    guard let sm2 = try? SM2.Signing.PrivateKey(pemRepresentation: SM2.Signing.PrivateKey().pemRepresentation) else {
        return
    }
    let sm2Public = sm2.publicKey
    guard let sm2Fixture = try? Fixture(SigningKey(pemRepresentation: sm2.pemRepresentation)),
        let sm2Signature = try? SM2.Signing.Signature(rawRepresentation: sm2Fixture.signature)
    else { return }
    Benchmark("SM2 raw sign") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try sm2.signature(for: sm2Fixture.signingInput)) }
    }
    Benchmark("SM2 raw verify") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(sm2Public.isValidSignature(sm2Signature, for: sm2Fixture.signingInput))
        }
    }
    tokenBenchmarks("SM2", sm2Fixture)
    ratioBenchmark(
        "SM2 verify", raw: { blackHole(sm2Public.isValidSignature(sm2Signature, for: sm2Fixture.signingInput)) },
        token: { blackHole(try? await sm2Fixture.verifier.verify(sm2Fixture.token)) })
    ratioBenchmark(
        "SM2 issue", raw: { blackHole(try? sm2.signature(for: sm2Fixture.signingInput)) },
        token: { blackHole(try? sm2Fixture.issuer.issue(claims)) })

    guard
        let p256 = try? NISTP256.Signing.PrivateKey(pemRepresentation: NISTP256.Signing.PrivateKey().pemRepresentation)
    else {
        return
    }
    let p256Public = p256.publicKey
    guard let p256Fixture = try? Fixture(SigningKey(pemRepresentation: p256.pemRepresentation)),
        let p256Signature = try? NISTP256.Signing.ECDSASignature(rawRepresentation: p256Fixture.signature)
    else { return }
    Benchmark("ES256 raw sign") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try p256.signature(for: p256Fixture.signingInput)) }
    }
    Benchmark("ES256 raw verify") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(p256Public.isValidSignature(p256Signature, for: p256Fixture.signingInput))
        }
    }
    tokenBenchmarks("ES256", p256Fixture)
    ratioBenchmark(
        "ES256 verify", raw: { blackHole(p256Public.isValidSignature(p256Signature, for: p256Fixture.signingInput)) },
        token: { blackHole(try? await p256Fixture.verifier.verify(p256Fixture.token)) })
    ratioBenchmark(
        "ES256 issue", raw: { blackHole(try? p256.signature(for: p256Fixture.signingInput)) },
        token: { blackHole(try? p256Fixture.issuer.issue(claims)) })

    guard
        let ed25519 = try? Ed25519.Signing.PrivateKey(
            pemRepresentation: Ed25519.Signing.PrivateKey().pemRepresentation)
    else { return }
    let ed25519Public = ed25519.publicKey
    guard let edFixture = try? Fixture(SigningKey(pemRepresentation: ed25519.pemRepresentation)) else { return }
    let edSignature = edFixture.signature
    Benchmark("Ed25519 raw sign") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try ed25519.signature(for: edFixture.signingInput)) }
    }
    Benchmark("Ed25519 raw verify") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ed25519Public.isValidSignature(edSignature, for: edFixture.signingInput))
        }
    }
    tokenBenchmarks("Ed25519", edFixture)
    ratioBenchmark(
        "Ed25519 verify", raw: { blackHole(ed25519Public.isValidSignature(edSignature, for: edFixture.signingInput)) },
        token: { blackHole(try? await edFixture.verifier.verify(edFixture.token)) })
    ratioBenchmark(
        "Ed25519 issue", raw: { blackHole(try? ed25519.signature(for: edFixture.signingInput)) },
        token: { blackHole(try? edFixture.issuer.issue(claims)) })

    // A token presented on every request: signature checked once, then the cache.
    let revocations = InMemoryRevocationStore()
    var cachedVerifier = sm2Fixture.verifier
    cachedVerifier.stages.append(RevocationCheck(revocations))
    let caching = CachingTokenVerifier(verifier: cachedVerifier)
    Benchmark("cached verify") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try await caching.verify(sm2Fixture.token)) }
    }

    // The parser alone: what a token costs beyond its signature.
    Benchmark("parse token and claims") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try CompactJWS(parsing: sm2Fixture.token).claims()) }
    }
}

private func tokenBenchmarks(_ name: String, _ fixture: Fixture) {
    Benchmark("\(name) token issue") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try fixture.issuer.issue(claims)) }
    }
    Benchmark("\(name) token verify") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try await fixture.verifier.verify(fixture.token)) }
    }
}

/// The ratio of a token operation's rate to its raw signature operation's, measured in small
/// alternating chunks inside one sample, so both see the same load on a shared machine.
/// Recorded ×1000 (a ratio of 0.95 is 950).
private func ratioBenchmark(
    _ name: String, raw: @escaping @Sendable () -> Void, token: @escaping @Sendable () async -> Void
) {
    Benchmark(
        "\(name) ratio",
        configuration: .init(
            metrics: [.throughput, .custom("ratio x1000")], scalingFactor: .one, maxDuration: .seconds(8),
            maxIterations: 40)
    ) { benchmark in
        let clock = ContinuousClock()
        var rawTime = Duration.zero
        var tokenTime = Duration.zero
        for _ in 0..<8 {
            rawTime += clock.measure { for _ in 0..<16 { raw() } }
            tokenTime += await clock.measure { for _ in 0..<16 { await token() } }
        }
        benchmark.measurement(.custom("ratio x1000"), Int(1000 * (rawTime / tokenTime)))
    }
}
