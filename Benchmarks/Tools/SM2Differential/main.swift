import Foundation
@_spi(Benchmarks) import GMCrypto

// Scripts/sm2-differential: COUNT (key, digest, signature) triples checked by GMCrypto's
// dedicated SM2 verification and by OpenSSL's, which must agree on every one. Signatures are
// OpenSSL's, over random digests, with 1,000 keys reused; every signature gives two triples:
// itself and a copy with one bit flipped in r, s, the digest or the key's x‖y (in turn).
//   SM2Differential COUNT [SEED]
// Prints the counts and exits 1 on the first disagreement (with the triple in hex).
let arguments = CommandLine.arguments
guard arguments.count >= 2, let count = Int(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: SM2Differential COUNT [SEED]\n".utf8))
    exit(2)
}
var generator = SystemRandomNumberGenerator()
let keys = (0..<1_000).map { _ in SM2.Signing.PrivateKey() }
let points = keys.map { [UInt8]($0.publicKey.rawRepresentation) }

func verifies(
    _ point: [UInt8], _ key: SM2.Signing.PublicKey?, _ digest: [UInt8], _ raw: [UInt8],
    _ backend: SM2VerificationBackend
)
    -> Bool
{
    guard let key, let signature = try? SM2.Signing.Signature(rawRepresentation: raw),
        let value = try? SM3Digest(bytes: digest)
    else { return false }
    SM2VerificationBackend.current = backend
    return key.isValidSignature(signature, for: value)
}

func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

var checked = 0
var valid = 0
var corruptedKeysRefused = 0
var index = 0
while checked < count {
    let which = index % keys.count
    var digest = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let signature = try keys[which].signature(for: try SM3Digest(bytes: digest))
    var raw = [UInt8](signature.rawRepresentation)
    var point = points[which]
    var key: SM2.Signing.PublicKey? = keys[which].publicKey
    for corrupted in [false, true] where checked < count {
        if corrupted {
            let bit = Int.random(in: 0..<512, using: &generator)
            switch index % 4 {
            case 0: raw[bit / 16] ^= 1 << (bit % 8)
            case 1: raw[32 + bit / 16] ^= 1 << (bit % 8)
            case 2: digest[bit / 16] ^= 1 << (bit % 8)
            default:
                point[bit / 8] ^= 1 << (bit % 8)
                key = try? SM2.Signing.PublicKey(rawRepresentation: point)
                if key == nil { corruptedKeysRefused += 1 }
            }
        }
        let ours = verifies(point, key, digest, raw, .dedicated)
        let openSSL = verifies(point, key, digest, raw, .openSSL)
        guard ours == openSSL else {
            print(
                "DISAGREEMENT dedicated=\(ours) openssl=\(openSSL) key=\(hex(point)) digest=\(hex(digest)) sig=\(hex(raw))"
            )
            exit(1)
        }
        checked += 1
        if ours { valid += 1 }
    }
    index += 1
    if index % 50_000 == 0 { FileHandle.standardError.write(Data("\(checked) triples, all agreed\n".utf8)) }
}
print(
    "triples \(checked), agreed \(checked), valid \(valid), corrupted \(checked - valid)"
        + " (of which keys OpenSSL refused to load: \(corruptedKeysRefused))")
