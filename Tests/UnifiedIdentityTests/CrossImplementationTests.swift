import Foundation
import GMCrypto
import Testing
import ZWKitTestSupport

@testable import UnifiedIdentity

/// Tokens checked by implementations that share no code with this one: Python joserfc for
/// ES256 and Ed25519, the openssl CLI and Python gmssl for SM2.
@Suite struct CrossImplementationTests {
    // MARK: joserfc

    private static let joserfcVerify = """
        import sys, json
        from joserfc import jws
        from joserfc.jwk import import_key
        key = import_key(json.loads(sys.argv[1]))
        token = jws.deserialize_compact(sys.argv[2], key, algorithms=[sys.argv[3]])
        print(json.dumps({"header": token.protected, "payload": json.loads(token.payload), "thumbprint": key.thumbprint()}))
        """

    private static let joserfcIssue = """
        import sys, json
        from joserfc import jws
        from joserfc.jwk import ECKey, OKPKey
        key = ECKey.generate_key("P-256") if sys.argv[1] == "ES256" else OKPKey.generate_key("Ed25519")
        header = {"alg": sys.argv[1], "kid": key.thumbprint(), "typ": "JWT"}
        token = jws.serialize_compact(header, sys.argv[2], key, algorithms=[sys.argv[1]])
        print(json.dumps({"token": token, "jwk": key.as_dict(private=False)}))
        """

    @Test(arguments: [(KeyKind.p256, "ES256"), (.ed25519, "Ed25519"), (.ed25519, "EdDSA")])
    func joserfcVerifiesOurTokens(keyType: KeyKind, alg: String) async throws {
        guard try Processes.pythonHas(["joserfc"]) else { return }
        let key = try SigningKey.generate(keyType)
        let names = AlgorithmNames(ed25519Name: alg == "EdDSA" ? "EdDSA" : "Ed25519")
        let token = try TestTokens.issuer(key, names: names).issue(TestTokens.claims(tokenID: "from-swift"))
        let result = try Processes.python(Self.joserfcVerify, [key.publicKey.jwk(names: names).jsonString, token, alg])
        #expect(result.status == 0, "\(result.stderrText)")
        let output = try JSONReader.parse(Array(result.stdout))
        #expect(output["payload"]?["jti"] == "from-swift")
        #expect(output["header"]?["alg"] == .string(alg))
        // joserfc's RFC 7638 thumbprint is our kid.
        #expect(output["thumbprint"] == .string(key.keyID))

        // And a flipped signature bit is refused by joserfc too (the check is real).
        var parts = token.split(separator: ".").map(String.init)
        var signature = try #require(Base64URL.decode(parts[2]))
        signature[0] ^= 0x80
        parts[2] = Base64URL.encode(signature)
        let refused = try Processes.python(
            Self.joserfcVerify, [key.publicKey.jwk(names: names).jsonString, parts.joined(separator: "."), alg])
        #expect(refused.status != 0)
    }

    @Test(arguments: ["ES256", "Ed25519", "EdDSA"])
    func weVerifyJoserfcTokens(alg: String) async throws {
        guard try Processes.pythonHas(["joserfc"]) else { return }
        let payload = TestTokens.payload(extra: #","jti":"from-joserfc""#)
        let result = try Processes.python(Self.joserfcIssue, [alg, payload])
        #expect(result.status == 0, "\(result.stderrText)")
        let output = try JSONReader.parse(Array(result.stdout))
        let jwk = try JWK(json: try #require(output["jwk"]))
        let token = try #require(output["token"]?.stringValue)
        let verified = try await TestTokens.verifier(KeySet(verificationKeys: [VerificationKey(jwk: jwk)])).verify(
            token)
        #expect(verified.claims.tokenID == "from-joserfc")
        #expect(verified.algorithm == (alg == "ES256" ? .es256 : .ed25519))
        #expect(verified.keyID == (try jwk.thumbprint()))
    }

    // MARK: openssl (SM2 with SM3, distinguishing ID 1234567812345678)

    @Test func opensslVerifiesOurSM2Tokens() throws {
        guard Processes.which("openssl") != nil else { return }
        let key = try SigningKey.generate(.sm2)
        let token = try TestTokens.issuer(key).issue(TestTokens.claims())
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let parts = token.split(separator: ".")
        let signature = try #require(Base64URL.decode(String(parts[2])))
        #expect(signature.count == 64)
        try Data((parts[0] + "." + parts[1]).utf8).write(to: directory.appendingPathComponent("input"))
        try Data(RawSignature.der(fromRaw: signature)).write(to: directory.appendingPathComponent("sig.der"))
        try Data(key.publicKey.pemRepresentation.utf8).write(to: directory.appendingPathComponent("pub.pem"))
        let verify = [
            "dgst", "-sm3", "-verify", "pub.pem", "-sigopt", "distid:1234567812345678", "-signature", "sig.der",
            "input",
        ]
        let result = try Processes.run("openssl", verify, currentDirectory: directory)
        #expect(result.status == 0, "\(result.stdoutText) \(result.stderrText)")
        #expect(result.stdoutText.contains("Verified OK"))
        // Without the distinguishing ID (OpenSSL 3.0's empty default) the same signature fails:
        // proof that the ID really is 1234567812345678.
        let withoutID = try Processes.run(
            "openssl", ["dgst", "-sm3", "-verify", "pub.pem", "-signature", "sig.der", "input"],
            currentDirectory: directory)
        #expect(withoutID.status != 0)
    }

    @Test func weVerifyOpensslSignedSM2Tokens() async throws {
        guard Processes.which("openssl") != nil else { return }
        let key = try SigningKey.generate(.sm2)
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        try Data(key.pemRepresentation.utf8).write(to: directory.appendingPathComponent("key.pem"))
        let header = #"{"alg":"SM2SM3","kid":"\#(key.keyID)","typ":"JWT"}"#
        let input =
            Base64URL.encode(Array(header.utf8)) + "."
            + Base64URL.encode(Array(TestTokens.payload(extra: #","jti":"from-openssl""#).utf8))
        let der = try OpenSSLSignature.der(of: input, keyFile: "key.pem", digest: .sm3, in: directory)
        let raw = try #require(RawSignature.raw(fromDER: der))
        let token = input + "." + Base64URL.encode(raw)
        let verified = try await TestTokens.verifier(KeySet(verificationKeys: [key.publicKey])).verify(token)
        #expect(verified.claims.tokenID == "from-openssl")
    }

    // MARK: gmssl (pure-Python SM2)

    private static let gmssl = """
        import sys, binascii
        from gmssl import sm2
        mode, public_hex = sys.argv[1], sys.argv[2]
        if mode == "verify":
            crypt = sm2.CryptSM2(private_key=None, public_key="")
            crypt.public_key = public_hex  # after construction: the constructor lstrips "04" digits
            print("ok" if crypt.verify_with_sm3(sys.argv[3], sys.argv[4].encode()) else "bad")
        else:
            private_hex = sys.argv[3]
            crypt = sm2.CryptSM2(private_key=private_hex, public_key="")
            crypt.public_key = public_hex
            print(crypt.sign_with_sm3(sys.argv[4].encode()))
        """

    @Test func gmsslVerifiesOurSM2Tokens() throws {
        guard try Processes.pythonHas(["gmssl"]) else { return }
        let key = try SigningKey.generate(.sm2)
        let token = try TestTokens.issuer(key).issue(TestTokens.claims())
        let parts = token.split(separator: ".").map(String.init)
        let jwk = key.publicKey.jwk()
        let x = try #require(Base64URL.decode(jwk.members["x"]?.stringValue ?? ""))
        let y = try #require(Base64URL.decode(jwk.members["y"]?.stringValue ?? ""))
        let signature = try #require(Base64URL.decode(parts[2]))
        let result = try Processes.python(
            Self.gmssl, ["verify", Hex.string(x + y), Hex.string(signature), parts[0] + "." + parts[1]])
        #expect(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == "ok", "\(result.stderrText)")
    }

    @Test func weVerifyGmsslSignedSM2Tokens() async throws {
        guard try Processes.pythonHas(["gmssl"]) else { return }
        // A fixed key pair: d and its public point, from GM/T 0003.5's example (recomputed by gmssl below).
        let derive = """
            from gmssl import sm2
            d = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8"
            c = sm2.CryptSM2(private_key=d, public_key="")
            print(c._kg(int(d, 16), c.ecc_table["g"]))
            """
        let publicHex = try Processes.python(derive).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(publicHex.count == 128)
        let publicBytes = try Hex.bytes(publicHex)
        let jwk = try JWK(
            json: [
                "kty": "EC", "crv": "SM2", "x": .string(Base64URL.encode(publicBytes.prefix(32))),
                "y": .string(Base64URL.encode(publicBytes.suffix(32))),
            ])
        let key = try VerificationKey(jwk: jwk)
        let header = #"{"alg":"SM2SM3","kid":"\#(key.keyID)"}"#
        let input =
            Base64URL.encode(Array(header.utf8)) + "."
            + Base64URL.encode(Array(TestTokens.payload(extra: #","jti":"from-gmssl""#).utf8))
        let signed = try Processes.python(
            Self.gmssl, ["sign", publicHex, "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8", input])
        let signature = try Hex.bytes(signed.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))
        let token = input + "." + Base64URL.encode(signature)
        let verified = try await TestTokens.verifier(KeySet(verificationKeys: [key])).verify(token)
        #expect(verified.claims.tokenID == "from-gmssl")
    }
}

/// Raw r‖s ⇄ DER `SEQUENCE { INTEGER r, INTEGER s }`, written here independently of GMCrypto.
enum RawSignature {
    static func der(fromRaw raw: [UInt8]) -> [UInt8] {
        func integer(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
            var value = Array(bytes.drop { $0 == 0 })
            if value.isEmpty { value = [0] }
            if value[0] & 0x80 != 0 { value.insert(0, at: 0) }
            return [0x02, UInt8(value.count)] + value
        }
        let body = integer(raw.prefix(32)) + integer(raw.suffix(32))
        return [0x30, UInt8(body.count)] + body
    }

    static func raw(fromDER der: [UInt8]) -> [UInt8]? {
        guard der.count > 2, der[0] == 0x30 else { return nil }
        var index = 2
        var output: [UInt8] = []
        for _ in 0..<2 {
            guard index + 2 <= der.count, der[index] == 0x02 else { return nil }
            let length = Int(der[index + 1])
            guard index + 2 + length <= der.count else { return nil }
            let value = der[(index + 2)..<(index + 2 + length)].drop { $0 == 0 }
            guard value.count <= 32 else { return nil }
            output += [UInt8](repeating: 0, count: 32 - value.count) + value
            index += 2 + length
        }
        return output
    }
}
