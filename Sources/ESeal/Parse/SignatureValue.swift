import SwiftASN1

/// The two encodings of an SM2 signature value met in seals.
enum SignatureValue {
    /// Whether `bytes` is a raw r‖s (64 bytes that are not a DER `SEQUENCE { r, s }`).
    static func isRaw(_ bytes: [UInt8]) -> Bool {
        bytes.count == 64 && !isDERSequenceOfTwoIntegers(bytes)
    }

    static func isDERSequenceOfTwoIntegers(_ bytes: [UInt8]) -> Bool {
        guard let node = try? DER.parse(bytes), node.identifier == .sequence,
            case .constructed(let parts) = node.content
        else { return false }
        let items = Array(parts)
        return items.count == 2 && items.allSatisfy { $0.identifier == .integer }
    }
}
