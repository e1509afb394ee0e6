import FuzzDriver
import UnifiedIdentity

/// Keys made once per fuzzing process: verification must reach the signature check with
/// every key type, so the fuzzer also exercises key selection and algorithm matching.
private let keys: KeySet? = {
    guard let sm2 = try? SigningKey.generate(.sm2), let p256 = try? SigningKey.generate(.p256),
        let ed25519 = try? SigningKey.generate(.ed25519)
    else { return nil }
    return KeySet(verificationKeys: [sm2.publicKey, p256.publicKey, ed25519.publicKey])
}()

/// libFuzzer entry point: every input goes through the compact token parser, the claims
/// reader, the JWK and JWK Set readers and the verifier's synchronous core. Any trap,
/// overflow or sanitizer report is a bug (the one precondition is the fuzzer's own check that
/// two ways of reading a payload agree); thrown errors are the expected answer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzToken(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    if let jws = try? CompactJWS(parsing: bytes) {
        let claims = try? jws.claims()
        // The payload read member by member must give what the JSON text read as a whole gives
        // (on invalid UTF-8 the text would be repaired first, so only valid text is compared).
        if let payload = String(validating: jws.payload, as: UTF8.self) {
            let whole = try? IdentityClaims(jsonString: payload)
            precondition(claims == whole, "claims read member by member differ from the whole payload's")
        }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? IdentityClaims(jsonString: text)
    _ = try? JWK(jsonString: text).thumbprint()
    if let set = try? JWKSet(jsonString: text) { _ = try? set.verificationKeys() }
    if let keys {
        // DER signatures accepted too, so the strict DER reader sees every mutated signature.
        let verifier = TokenVerifier(keys: keys, names: .interoperable, acceptsDERSignatures: [.sm2WithSM3, .es256])
        _ = try? verifier.verifySignature(text)
    }
    return 0
}

/// The executable's entry point; see `runLibFuzzer`.
@_cdecl("TokenFuzzer_main")
public func tokenFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzToken(data, size) }
}
