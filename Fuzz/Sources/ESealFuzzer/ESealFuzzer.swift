import ESeal

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

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable target's entry point as `<Target>_main` (and points `main`
/// at it), which would shadow libFuzzer's own `main`; this entry point hands control to
/// libFuzzer's driver instead, so the target builds with plain `swift build`.
@_cdecl("ESealFuzzer_main")
public func fuzzerMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { fuzzESeal($0, $1) }
}
