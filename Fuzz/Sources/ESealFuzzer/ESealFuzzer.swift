import ESeal
import FuzzDriver

/// libFuzzer's callback: every input goes through the seal and signature readers and the
/// verifier. Any trap, overflow or sanitizer report is a bug; thrown errors are the
/// expected answer to bad input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzESeal(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    _ = try? ElectronicSeal(derEncoded: bytes)
    _ = try? ElectronicSignature(derEncoded: bytes)
    if let document = try? ESealDocument(derEncoded: bytes) {
        let verifier = SealVerifier()
        switch document {
        case .seal(let seal): _ = verifier.verify(seal)
        case .signature(let signature): _ = verifier.verify(signature, data: .bytes(bytes.prefix(64)))
        }
    }
    return 0
}

/// The executable's entry point; see `runLibFuzzer`.
@_cdecl("ESealFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzESeal($0, $1) }
}
