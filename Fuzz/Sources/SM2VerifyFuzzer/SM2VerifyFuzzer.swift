import Foundation
import FuzzDriver
@_spi(Benchmarks) import GMCrypto

/// A few keys with a valid signature each, made once per process, so fuzzed inputs start
/// from signatures that verify and reach every step of the check, not only the range tests.
private let pool: [(key: SM2.Signing.PrivateKey, digest: [UInt8], signature: [UInt8])] = (0..<16).compactMap { index in
    let key = SM2.Signing.PrivateKey()
    let digest = [UInt8](SM3.hash(data: [UInt8(index)]).bytes)
    guard let digestValue = try? SM3Digest(bytes: digest), let signature = try? key.signature(for: digestValue) else {
        return nil
    }
    return (key, digest, [UInt8](signature.rawRepresentation))
}

/// Both backends' answers for (point, digest, r‖s), from one parse of the inputs so that each
/// execution costs little more than OpenSSL's verification; a point either side refuses to
/// read is invalid for both, because the key type is shared.
private func answers(point: [UInt8], digest: [UInt8], raw: [UInt8]) -> (dedicated: Bool, openSSL: Bool) {
    guard let key = try? SM2.Signing.PublicKey(rawRepresentation: point),
        let signature = try? SM2.Signing.Signature(rawRepresentation: raw),
        let digestValue = try? SM3Digest(bytes: digest)
    else { return (false, false) }
    defer { SM2VerificationBackend.current = .dedicated }
    SM2VerificationBackend.current = .dedicated
    let dedicated = key.isValidSignature(signature, for: digestValue)
    SM2VerificationBackend.current = .openSSL
    return (dedicated, key.isValidSignature(signature, for: digestValue))
}

/// libFuzzer entry point. Byte 0 picks a pooled (key, digest, signature) and how the rest
/// of the input changes it: XORed into r‖s, the digest or the key's x‖y, or taken as r‖s
/// outright. The dedicated verification and OpenSSL must give the same answer; any
/// disagreement traps, which libFuzzer reports as a crash with the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSM2Verification(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count > 0, !pool.isEmpty else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let entry = pool[Int(bytes[0] >> 3) % pool.count]
    var point = [UInt8](entry.key.publicKey.rawRepresentation)
    var digest = entry.digest
    var raw = entry.signature
    let rest = bytes.dropFirst()
    func xor(_ target: inout [UInt8]) {
        for (offset, byte) in rest.prefix(target.count).enumerated() { target[offset] ^= byte }
    }
    switch bytes[0] & 7 {
    case 0: xor(&raw)
    case 1: xor(&digest)
    case 2: xor(&point)
    case 3:
        // r‖s verbatim (short inputs pad with zeros).
        raw = Array(rest.prefix(64)) + [UInt8](repeating: 0, count: max(0, 64 - rest.count))
    case 4:
        // An arbitrary key, digest and signature.
        let padded = Array(rest) + [UInt8](repeating: 0, count: max(0, 160 - rest.count))
        point = Array(padded[0..<64])
        digest = Array(padded[64..<96])
        raw = Array(padded[96..<160])
    default:
        // Unchanged or a one-bit change anywhere, the differential script's corruptions.
        if let first = rest.first, rest.count >= 2 {
            let bit = Int(rest[rest.startIndex + 1]) % 8
            switch first % 3 {
            case 0: raw[Int(first) % 64] ^= 1 << bit
            case 1: digest[Int(first) % 32] ^= 1 << bit
            default: point[Int(first) % 64] ^= 1 << bit
            }
        }
    }
    let (ours, openSSL) = answers(point: point, digest: digest, raw: raw)
    if ours != openSSL {
        fatalError("SM2 verification disagrees with OpenSSL: dedicated \(ours), OpenSSL \(openSSL)")
    }
    return 0
}

/// The executable's entry point; see `runLibFuzzer`.
@_cdecl("SM2VerifyFuzzer_main")
public func sm2VerifyFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzSM2Verification(data, size) }
}
