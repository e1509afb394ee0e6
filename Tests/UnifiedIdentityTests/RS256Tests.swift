import Foundation
import Testing
import ZWKitTestSupport

@testable import UnifiedIdentity

/// RS256 is for verifying older platforms' tokens only: signed here by the openssl CLI.
@Suite struct RS256Tests {
    @Test func tokensSignedByOpensslWithRSAVerifyAndNothingElseDoes() async throws {
        guard Processes.which("openssl") != nil else { return }
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let keygen = try Processes.run(
            "openssl", ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.pem"],
            currentDirectory: directory)
        #expect(keygen.status == 0, "\(keygen.stderrText)")
        let publicPEM = try Processes.run(
            "openssl", ["pkey", "-in", "rsa.pem", "-pubout"], currentDirectory: directory)
        let key = try VerificationKey(pemRepresentation: publicPEM.stdoutText)
        #expect(key.keyType == .rsa)

        let header = #"{"alg":"RS256","kid":"\#(key.keyID)","typ":"JWT"}"#
        let input =
            Base64URL.encode(Array(header.utf8)) + "."
            + Base64URL.encode(Array(TestTokens.payload(extra: #","jti":"legacy""#).utf8))
        try Data(input.utf8).write(to: directory.appendingPathComponent("input"))
        let sign = try Processes.run(
            "openssl", ["dgst", "-sha256", "-sign", "rsa.pem", "-out", "sig", "input"], currentDirectory: directory)
        #expect(sign.status == 0, "\(sign.stderrText)")
        let signature = try Data(contentsOf: directory.appendingPathComponent("sig"))
        let token = input + "." + Base64URL.encode(signature)

        // From PEM, and from the published JWK (n, e), the same kid and the same answer.
        let fromPEM = try await TestTokens.verifier(KeySet(verificationKeys: [key])).verify(token)
        #expect(fromPEM.algorithm == .rs256)
        #expect(fromPEM.claims.tokenID == "legacy")
        let jwk = try JWK(jsonString: key.jwk().jsonString)
        #expect(jwk.keyType == "RSA" && jwk.algorithm == "RS256")
        let fromJWK = try await TestTokens.verifier(KeySet(verificationKeys: [VerificationKey(jwk: jwk)])).verify(token)
        #expect(fromJWK.keyID == key.keyID)

        // Relabelled, or with a flipped bit, it fails; and RS256 can be switched off entirely.
        let relabelled = Base64URL.encode(Array(#"{"alg":"ES256","kid":"\#(key.keyID)"}"#.utf8))
        await #expect(throws: TokenError.algorithmKeyMismatch(algorithm: "ES256", keyType: "RSA")) {
            try await TestTokens.verifier(KeySet(verificationKeys: [key])).verify(
                relabelled + token.drop { $0 != "." })
        }
        var flipped = [UInt8](signature)
        flipped[100] ^= 1
        await #expect(throws: TokenError.invalidSignature) {
            try await TestTokens.verifier(KeySet(verificationKeys: [key])).verify(
                input + "." + Base64URL.encode(flipped))
        }
        var modern = TestTokens.verifier(KeySet(verificationKeys: [key]))
        modern.allowedAlgorithms = [.sm2WithSM3, .es256, .ed25519]
        await #expect(throws: TokenError.algorithmNotAllowed("RS256")) { try await modern.verify(token) }
        #expect(throws: JWKError.self) { try SigningKey.generate(.rsa) }
    }
}
