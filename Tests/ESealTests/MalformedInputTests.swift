import ESeal
import Foundation
import Testing
import ZWKitTestSupport

/// Malformed DER of every kind throws a typed error (and the verifier reports a failed
/// structure check); nothing traps.
@Suite("Malformed input throws, never traps")
struct MalformedInputTests {
    private func expectRejected(_ bytes: [UInt8], _ label: String) {
        #expect(throws: ESealError.self, "\(label)") { try ESealDocument(derEncoded: bytes) }
        #expect(throws: ESealError.self, "\(label)") { try ElectronicSeal(derEncoded: bytes) }
        #expect(throws: ESealError.self, "\(label)") { try ElectronicSignature(derEncoded: bytes) }
        let report = SealVerifier().verify(document: bytes)
        #expect(report.result(for: .structure)?.outcome == .failed, "\(label)")
    }

    @Test("every truncation of a seal and of a signature throws")
    func truncations() throws {
        let pki = try TestPKI.make()
        for bytes in [try pki.seal().derRepresentation, try pki.signature().derRepresentation] {
            for length in stride(from: 0, to: bytes.count, by: 1) {
                #expect(throws: ESealError.self) { try ESealDocument(derEncoded: bytes.prefix(length)) }
            }
        }
    }

    @Test(
        "hand-made hostile encodings throw",
        arguments: [
            ("empty", []),
            ("lone tag", [0x30]),
            ("length past the end", [0x30, 0x05, 0x02, 0x01, 0x00]),
            ("huge length", [0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF]),
            ("nine length octets", [0x30, 0x89, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
            ("indefinite length, unterminated", [0x30, 0x80, 0x02, 0x01, 0x00]),
            ("empty SEQUENCE", [0x30, 0x00]),
            ("SEQUENCE of NULLs", [0x30, 0x04, 0x05, 0x00, 0x05, 0x00]),
            ("primitive SEQUENCE tag", [0x10, 0x00]),
            ("trailing bytes", [0x30, 0x00, 0x00]),
            ("integer SEQUENCE", [0x30, 0x03, 0x02, 0x01, 0x04]),
            (
                "deep nesting",
                [UInt8](repeating: 0x30, count: 1) + [0x80] + [UInt8](repeating: 0x30, count: 2_000)
                    + [UInt8](repeating: 0x80, count: 1)
            ),
        ] as [(String, [UInt8])])
    func hostile(label: String, bytes: [UInt8]) {
        expectRejected(bytes, label)
    }

    @Test("deeply nested SEQUENCEs throw instead of exhausting the stack")
    func nesting() {
        var bytes: [UInt8] = [0x05, 0x00]
        for _ in 0..<200 {
            bytes = [0x30, 0x82, UInt8(bytes.count >> 8), UInt8(bytes.count & 0xFF)] + bytes
        }
        expectRejected(bytes, "200 nested SEQUENCEs")
    }

    @Test("a seal with each top-level field swapped for the wrong type throws")
    func wrongTypes() throws {
        let pki = try TestPKI.make()
        let seal = try pki.seal()
        guard case .v4(let value) = seal.structure else { return }
        // signedValue as an OCTET STRING instead of a BIT STRING.
        let encoded = value.derRepresentationReplacingSignedValueTag(with: 0x04)
        expectRejected(encoded, "OCTET STRING signedValue")
        // certListType 3 announces no alternative.
        var builder = try pki.builder()
        builder.name = "x"
        let info = try builder.sealInfo()
        var bytes = try info.derBytes()
        if let position = bytes.firstRange(of: [0x02, 0x01, 0x01, 0x30])?.lowerBound {
            bytes[position + 2] = 0x03
            #expect(throws: (any Error).self) { try SESSealInfo(derEncoded: bytes) }
        } else {
            Issue.record("certListType not found")
        }
    }

    @Test("random bytes throw", arguments: 0..<4)
    func random(seed: Int) {
        var generator = SplitMix(seed: UInt64(seed))
        for length in [1, 2, 16, 300, 4_000] {
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes[0] = 0x30
            #expect(throws: ESealError.self) { try ESealDocument(derEncoded: bytes) }
        }
    }
}

private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SESeal {
    fileprivate func derRepresentationReplacingSignedValueTag(with tag: UInt8) -> [UInt8] {
        var bytes = (try? derBytes()) ?? []
        if let range = bytes.firstRange(of: [0x03, UInt8(signedValue.count + 1), 0x00] + signedValue) {
            bytes[range.lowerBound] = tag
        }
        return bytes
    }
}
