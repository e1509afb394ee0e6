import Foundation
import GMCrypto
import Testing
import ZWKitTestSupport

@testable import UnifiedIdentity

/// DER signatures in tokens (standards.md §8: raw r‖s, DER accepted on input only where
/// configured), with signatures made by the openssl CLI so the DER is not our own.
@Suite struct DERSignatureTests {
    /// A token whose signature the openssl CLI made over our signing input, as DER.
    private struct OpenSSLSigned {
        let key: SigningKey
        let input: String
        let der: [UInt8]

        var token: String { input + "." + Base64URL.encode(der) }
        func token(signature: [UInt8]) -> String { input + "." + Base64URL.encode(signature) }
    }

    private static func opensslSigned(_ keyType: KeyKind, jti: String = "der") throws -> OpenSSLSigned? {
        guard Processes.which("openssl") != nil else { return nil }
        let key = try SigningKey.generate(keyType)
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        try Data(key.pemRepresentation.utf8).write(to: directory.appendingPathComponent("key.pem"))
        let alg = keyType == .sm2 ? "SM2SM3" : "ES256"
        let header = #"{"alg":"\#(alg)","kid":"\#(key.keyID)","typ":"JWT"}"#
        let input =
            Base64URL.encode(Array(header.utf8)) + "."
            + Base64URL.encode(Array(TestTokens.payload(extra: #","jti":"\#(jti)""#).utf8))
        let der = try OpenSSLSignature.der(
            of: input, keyFile: "key.pem", digest: keyType == .sm2 ? .sm3 : .sha256, in: directory)
        // openssl's DER is 70–72 bytes; a 64-byte one (odds about 2^-40) would read as r‖s.
        #expect(der.count != 64 && der.first == 0x30)
        return OpenSSLSigned(key: key, input: input, der: der)
    }

    private static func verifier(
        _ key: SigningKey, acceptingDER: Set<SignatureAlgorithm>,
        stages: [any TokenVerificationStage] = []
    ) -> TokenVerifier {
        var verifier = TestTokens.verifier(KeySet(verificationKeys: [key.publicKey]), stages: stages)
        verifier.acceptsDERSignatures = acceptingDER
        return verifier
    }

    @Test(arguments: [(KeyKind.sm2, SignatureAlgorithm.sm2WithSM3), (.p256, .es256)])
    func opensslDERVerifiesOnlyWhenConfigured(keyType: KeyKind, algorithm: SignatureAlgorithm) async throws {
        guard let signed = try Self.opensslSigned(keyType) else { return }
        // Off by default: the DER signature is simply not a valid token signature.
        await #expect(throws: TokenError.invalidSignature) {
            try await Self.verifier(signed.key, acceptingDER: []).verify(signed.token)
        }
        // Configured for the other curve only: still refused.
        let other: SignatureAlgorithm = algorithm == .es256 ? .sm2WithSM3 : .es256
        await #expect(throws: TokenError.invalidSignature) {
            try await Self.verifier(signed.key, acceptingDER: [other, .ed25519]).verify(signed.token)
        }
        let verified = try await Self.verifier(signed.key, acceptingDER: [algorithm]).verify(signed.token)
        #expect(verified.claims.tokenID == "der")
        #expect(verified.algorithm == algorithm)
        // The same (r, s) as raw r‖s verifies either way, and a changed s does not.
        let raw = try #require(RawSignature.raw(fromDER: signed.der))
        #expect(try await Self.verifier(signed.key, acceptingDER: []).verify(signed.token(signature: raw)) == verified)
        var tampered = raw
        tampered[63] ^= 1
        await #expect(throws: TokenError.invalidSignature) {
            try await Self.verifier(signed.key, acceptingDER: [algorithm]).verify(
                signed.token(signature: RawSignature.der(fromRaw: tampered)))
        }
    }

    @Test func issuingStaysRaw() throws {
        for keyType in [KeyKind.sm2, .p256] {
            let token = try TestTokens.issuer(try SigningKey.generate(keyType)).issue(TestTokens.claims())
            #expect(Base64URL.decode(String(token.split(separator: ".")[2]))?.count == 64)
        }
    }

    /// Every way a DER signature can break DER, each with its own error.
    @Test func malformedDERIsRefusedWithItsRule() async throws {
        guard let signed = try Self.opensslSigned(.sm2) else { return }
        let raw = try #require(RawSignature.raw(fromDER: signed.der))
        let r = Array(raw.prefix(32))
        let s = Array(raw.suffix(32))
        let sm2Order = DERSignature.Curve.sm2.order
        func integer(_ content: [UInt8]) -> [UInt8] { [0x02, UInt8(content.count)] + content }
        /// The minimal DER content of an unsigned big-endian value.
        func minimal(_ value: [UInt8]) -> [UInt8] {
            var bytes = Array(value.drop { $0 == 0 })
            if bytes.isEmpty { bytes = [0] }
            return bytes[0] & 0x80 != 0 ? [0] + bytes : bytes
        }
        func sequence(_ body: [UInt8]) -> [UInt8] { [0x30, UInt8(body.count)] + body }
        let body = integer(minimal(r)) + integer(minimal(s))
        // (the DER, the rule its code names, which integer its reason names when one is at fault)
        let cases: [([UInt8], String, String?)] = [
            ([0x31, UInt8(body.count)] + body, "not_sequence", nil),
            ([0x30], "truncated", nil),
            (Array(signed.der.dropLast()), "truncated", nil),
            ([0x30, 0x80] + body + [0, 0], "indefinite_length", nil),
            ([0x30, 0x81, UInt8(body.count)] + body, "non_minimal_length", nil),
            ([0x30, 0x82, 0x00, UInt8(body.count)] + body, "non_minimal_length", nil),
            (signed.der + [0], "trailing_bytes", nil),
            (sequence(body + integer([1])), "trailing_bytes", nil),
            (sequence([0x04, 32] + r + integer(minimal(s))), "not_integer", "r"),
            (sequence(integer(minimal(r)) + [0x04, 32] + s), "not_integer", "s"),
            (sequence(integer([]) + integer(minimal(s))), "empty_integer", "r"),
            (sequence(integer([0] + minimal(r)) + integer(minimal(s))), "non_minimal_integer", "r"),
            (sequence(integer(minimal(r)) + integer([0, 0] + minimal(s))), "non_minimal_integer", "s"),
            (sequence(integer([0x80] + r) + integer(minimal(s))), "negative_integer", "r"),
            (sequence(integer(minimal(r)) + integer([0xFF])), "negative_integer", "s"),
            (sequence(integer([0x01] + r) + integer(minimal(s))), "integer_too_long", "r"),
            (sequence(integer([0]) + integer(minimal(s))), "integer_out_of_range", "r"),
            (sequence(integer(minimal(r)) + integer([0])), "integer_out_of_range", "s"),
            (sequence(integer(minimal(sm2Order)) + integer(minimal(s))), "integer_out_of_range", "r"),
            (
                sequence(integer(minimal(r)) + integer(minimal([0xFF] + Array(repeating: 0xFF, count: 31)))),
                "integer_out_of_range", "s"
            ),
        ]
        let accepting = Self.verifier(signed.key, acceptingDER: [.sm2WithSM3])
        let refusing = Self.verifier(signed.key, acceptingDER: [])
        var codes: Set<String> = []
        for (der, rule, component) in cases {
            #expect(der.count != 64)
            let token = signed.token(signature: der)
            let error = await #expect(throws: TokenError.self, "\(rule)") { try await accepting.verify(token) }
            guard case .malformedDERSignature(let thrownRule, let reason) = error else {
                Issue.record("\(rule): \(String(describing: error))")
                continue
            }
            #expect(thrownRule == rule)
            #expect(error?.code == "token.signature_der_\(rule)")
            #expect(error?.message == "the DER signature is malformed: \(reason)")
            if let component { #expect(reason.hasPrefix("\(component) "), "\(rule): \(reason)") }
            codes.insert("token.signature_der_\(rule)")
            await #expect(throws: TokenError.invalidSignature) { try await refusing.verify(token) }
        }
        // Every DER code the profile documents is reached by a real signature, and no other.
        let url = Fixtures.specs.appendingPathComponent("unified-identity/token-profile.json")
        let profile = try JSONReader.parse(Array(try Data(contentsOf: url)), maximumDepth: 8)
        let documented = try #require(profile["errors"]?.objectValue).keys.filter {
            $0.hasPrefix("token.signature_der_")
        }
        #expect(codes == Set(documented))
        // n − 1 is in range: the signature is then merely wrong.
        var orderMinusOne = sm2Order
        orderMinusOne[31] -= 1
        await #expect(throws: TokenError.invalidSignature) {
            try await accepting.verify(
                signed.token(signature: sequence(integer(minimal(r)) + integer(minimal(orderMinusOne)))))
        }
        let negative = TokenError.malformedDERSignature(rule: "negative_integer", reason: "s is negative")
        #expect(negative.chineseTerm == "签名编码错误")
        #expect(negative.claim == nil)
    }

    /// One token, two encodings of its signature: still one token to replay and revocation
    /// checks, with and without the verification cache.
    @Test func twoEncodingsAreOneTokenToReplayAndRevocation() async throws {
        guard let signed = try Self.opensslSigned(.sm2, jti: "once") else { return }
        let raw = try #require(RawSignature.raw(fromDER: signed.der))
        let replays = InMemoryReplayStore()
        let verifier = Self.verifier(signed.key, acceptingDER: [.sm2WithSM3], stages: [OneTimeUse(replays)])
        _ = try await verifier.verify(signed.token)
        await #expect(throws: TokenError.replayed(jti: "once")) {
            try await verifier.verify(signed.token(signature: raw))
        }

        let cached = CachingTokenVerifier(
            verifier: Self.verifier(
                signed.key, acceptingDER: [.sm2WithSM3], stages: [OneTimeUse(InMemoryReplayStore())]))
        _ = try await cached.verify(signed.token(signature: raw))
        await #expect(throws: TokenError.replayed(jti: "once")) { try await cached.verify(signed.token) }

        let revocations = InMemoryRevocationStore()
        revocations.revoke(tokenID: "once")
        let revoking = Self.verifier(signed.key, acceptingDER: [.sm2WithSM3], stages: [RevocationCheck(revocations)])
        for token in [signed.token, signed.token(signature: raw)] {
            await #expect(throws: TokenError.revoked(jti: "once")) { try await revoking.verify(token) }
        }
    }

    /// joserfc (RFC 7518 as written) refuses the DER form and accepts our reading of it as r‖s.
    @Test func joserfcAgreesOnTheRawForm() async throws {
        guard try Processes.pythonHas(["joserfc"]), let signed = try Self.opensslSigned(.p256) else { return }
        let script = """
            import sys, json
            from joserfc import jws
            from joserfc.jwk import import_key
            key = import_key(json.loads(sys.argv[1]))
            try:
                jws.deserialize_compact(sys.argv[2], key, algorithms=["ES256"])
                print("valid")
            except Exception as error:
                print("refused", type(error).__name__)
            """
        let jwk = signed.key.publicKey.jwk().jsonString
        let derResult = try Processes.python(script, [jwk, signed.token])
        #expect(derResult.stdoutText.hasPrefix("refused"), "\(derResult.stdoutText) \(derResult.stderrText)")
        let raw = try DERSignature.raw(fromDER: signed.der, curve: .p256)
        let rawResult = try Processes.python(script, [jwk, signed.token(signature: raw)])
        #expect(rawResult.stdoutText.hasPrefix("valid"), "\(rawResult.stdoutText) \(rawResult.stderrText)")
    }

    /// Whatever the reader accepts is the one DER encoding of what it returns: mutated,
    /// truncated and random inputs are either refused or re-encode to exactly themselves.
    @Test func acceptedDERIsTheOnlyEncodingOfItsValue() throws {
        var random = SeededGenerator(seed: 20_261_121)
        func byte(_ range: ClosedRange<UInt8> = 0...255) -> UInt8 { UInt8.random(in: range, using: &random) }
        func index(below count: Int) -> Int { Int.random(in: 0..<max(count, 1), using: &random) }
        let valid = (0..<64).map { _ in
            // 32-byte r and s starting 0x01...0x7F: below both curves' orders, never zero.
            var raw = (0..<64).map { _ in byte() }
            raw[0] = byte(1...0x7F)
            raw[32] = byte(1...0x7F)
            return RawSignature.der(fromRaw: raw)
        }
        var accepted = 0
        for round in 0..<20_000 {
            var der = valid[round % valid.count]
            switch round % 4 {
            case 0: der[index(below: der.count)] ^= 1 << (byte() % 8)
            case 1: der.removeLast(index(below: der.count))
            case 2: der.insert(byte(), at: index(below: der.count + 1))
            default: der = (0..<index(below: 80)).map { _ in byte() }
            }
            for curve in [DERSignature.Curve.sm2, .p256] {
                guard let raw = try? DERSignature.raw(fromDER: der, curve: curve) else { continue }
                accepted += 1
                #expect(raw.count == 64)
                #expect(RawSignature.der(fromRaw: raw) == der, "\(der)")
            }
        }
        // Bit flips inside r or s and removing nothing keep many inputs valid.
        #expect(accepted > 1_000)
    }
}
