/// Reads an elliptic-curve signature given as DER `SEQUENCE { r INTEGER, s INTEGER }`
/// (RFC 3279's ECDSA-Sig-Value; SM2 uses the same shape, GB/T 35276) into JOSE's raw r‖s.
///
/// Strict on purpose: exactly one DER encoding exists for each (r, s), so anything BER allows
/// and DER does not (indefinite or long-form lengths where short form fits, leading zero or
/// 0xFF bytes, bytes after the SEQUENCE or after `s`) is refused with its own error, as are
/// negative, zero or oversize integers and values not below the curve order n.
enum DERSignature {
    /// The 64-byte r‖s of `der`, each integer checked against `curve`.
    static func raw(fromDER der: [UInt8], curve: Curve) throws(DERSignatureError) -> [UInt8] {
        guard let tag = der.first else { throw .truncated }
        guard tag == 0x30 else { throw .notASequence }
        let (contentStart, contentLength) = try readLength(der, at: 1)
        guard contentStart + contentLength <= der.count else { throw .truncated }
        guard contentStart + contentLength == der.count else { throw .trailingBytes }
        let end = der.count
        var raw = [UInt8](repeating: 0, count: 64)
        var index = contentStart
        for component in [DERSignatureError.Component.r, .s] {
            guard index < end else { throw .truncated }
            guard der[index] == 0x02 else { throw .notAnInteger(component) }
            let (valueStart, valueLength) = try readLength(der, at: index + 1)
            guard valueStart + valueLength <= end else { throw .truncated }
            let value = der[valueStart..<(valueStart + valueLength)]
            try checkInteger(value, component)
            let magnitude = value.first == 0 ? value.dropFirst() : value
            guard magnitude.count <= 32 else { throw .integerTooLong(component) }
            let offset = (component == .r ? 0 : 32) + 32 - magnitude.count
            raw.replaceSubrange(offset..<(offset + magnitude.count), with: magnitude)
            guard isInRange(raw[(component == .r ? 0 : 32)...].prefix(32), below: curve.order) else {
                throw .integerOutOfRange(component)
            }
            index = valueStart + valueLength
        }
        guard index == end else { throw .trailingBytes }
        return raw
    }

    /// A DER length at `index`: the content's first index and its length. Only the forms DER
    /// allows: short form below 128, long form only when needed and without leading zeros.
    private static func readLength(_ der: [UInt8], at index: Int) throws(DERSignatureError) -> (Int, Int) {
        guard index < der.count else { throw .truncated }
        let first = der[index]
        if first < 0x80 { return (index + 1, Int(first)) }
        guard first != 0x80 else { throw .indefiniteLength }
        // A signature is at most 72 bytes, so only one length byte could ever be needed, and
        // then only for ≥ 128; any long form here is either non-minimal or far too long.
        guard first == 0x81, index + 1 < der.count else {
            throw first == 0x81 ? .truncated : .nonMinimalLength
        }
        let length = Int(der[index + 1])
        guard length >= 0x80 else { throw .nonMinimalLength }
        return (index + 2, length)
    }

    /// X.690 §8.3: at least one byte, and the first nine bits not all zeros or all ones.
    private static func checkInteger(_ value: ArraySlice<UInt8>, _ component: DERSignatureError.Component)
        throws(DERSignatureError)
    {
        guard let first = value.first else { throw .emptyInteger(component) }
        guard first & 0x80 == 0 else { throw .negativeInteger(component) }
        if value.count > 1, first == 0, value[value.startIndex + 1] & 0x80 == 0 {
            throw .nonMinimalInteger(component)
        }
    }

    /// 1 ≤ value ≤ n − 1, both 32 bytes big-endian.
    private static func isInRange(_ value: ArraySlice<UInt8>, below order: [UInt8]) -> Bool {
        guard value.contains(where: { $0 != 0 }) else { return false }
        return value.lexicographicallyPrecedes(order)
    }

    /// The curves whose signatures have a DER form, with their group orders.
    enum Curve {
        case sm2
        case p256

        init?(_ algorithm: SignatureAlgorithm) {
            switch algorithm {
            case .sm2WithSM3: self = .sm2
            case .es256: self = .p256
            case .ed25519, .rs256: return nil
            }
        }

        /// n, big-endian: GB/T 32918.5 for SM2, FIPS 186-4 D.1.2.3 (SEC 2 secp256r1) for P-256.
        var order: [UInt8] {
            switch self {
            case .sm2:
                return [
                    0xFF, 0xFF, 0xFF, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                    0x72, 0x03, 0xDF, 0x6B, 0x21, 0xC6, 0x05, 0x2B, 0x53, 0xBB, 0xF4, 0x09, 0x39, 0xD5, 0x41, 0x23,
                ]
            case .p256:
                return [
                    0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                    0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63, 0x25, 0x51,
                ]
            }
        }
    }
}

/// Why a DER-encoded signature was refused (only verifiers configured to accept DER read one).
public enum DERSignatureError: Error, Sendable, Hashable {
    /// Which of the two integers an error is about.
    public enum Component: String, Sendable, Hashable {
        case r
        case s
    }

    /// The signature does not start with a SEQUENCE tag (0x30).
    case notASequence
    /// A length or value runs past the end of the signature.
    case truncated
    /// A BER indefinite length (0x80), which DER forbids.
    case indefiniteLength
    /// A length in long form where the short form fits (or with leading zero bytes).
    case nonMinimalLength
    /// Bytes after the SEQUENCE, or inside it after `s`.
    case trailingBytes
    /// The element is not an INTEGER (tag 0x02).
    case notAnInteger(Component)
    /// An INTEGER with no content bytes.
    case emptyInteger(Component)
    /// An INTEGER with a redundant leading 0x00 byte.
    case nonMinimalInteger(Component)
    /// A negative INTEGER (its high bit set).
    case negativeInteger(Component)
    /// An INTEGER longer than the curve's 32 bytes.
    case integerTooLong(Component)
    /// An INTEGER that is zero or not below the curve order n.
    case integerOutOfRange(Component)

    /// The rule, for `TokenError.code` (`signature.der_<rule>`).
    public var rule: String {
        switch self {
        case .notASequence: return "der_not_sequence"
        case .truncated: return "der_truncated"
        case .indefiniteLength: return "der_indefinite_length"
        case .nonMinimalLength: return "der_non_minimal_length"
        case .trailingBytes: return "der_trailing_bytes"
        case .notAnInteger: return "der_not_integer"
        case .emptyInteger: return "der_empty_integer"
        case .nonMinimalInteger: return "der_non_minimal_integer"
        case .negativeInteger: return "der_negative_integer"
        case .integerTooLong: return "der_integer_too_long"
        case .integerOutOfRange: return "der_integer_out_of_range"
        }
    }
}

extension DERSignatureError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notASequence: return "not a DER SEQUENCE"
        case .truncated: return "the DER encoding ends early"
        case .indefiniteLength: return "an indefinite length (BER, not DER)"
        case .nonMinimalLength: return "a length not in its shortest form (BER, not DER)"
        case .trailingBytes: return "bytes after the two INTEGERs"
        case .notAnInteger(let component): return "\(component.rawValue) is not an INTEGER"
        case .emptyInteger(let component): return "\(component.rawValue) is an empty INTEGER"
        case .nonMinimalInteger(let component):
            return "\(component.rawValue) has a redundant leading zero byte (BER, not DER)"
        case .negativeInteger(let component): return "\(component.rawValue) is negative"
        case .integerTooLong(let component): return "\(component.rawValue) is longer than 32 bytes"
        case .integerOutOfRange(let component): return "\(component.rawValue) is zero or not below the curve order"
        }
    }
}
