internal import ZhengwuKitSupport

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
        do {
            return try DERSignatureCodec.raw(fromDER: der, width: 32, order: curve.order)
        } catch {
            throw DERSignatureError(error)
        }
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

extension DERSignatureError {
    init(_ failure: DERSignatureCodec.Failure) {
        switch failure {
        case .notASequence: self = .notASequence
        case .truncated: self = .truncated
        case .indefiniteLength: self = .indefiniteLength
        case .nonMinimalLength: self = .nonMinimalLength
        case .trailingBytes: self = .trailingBytes
        case .notAnInteger(let component): self = .notAnInteger(Component(component))
        case .emptyInteger(let component): self = .emptyInteger(Component(component))
        case .nonMinimalInteger(let component): self = .nonMinimalInteger(Component(component))
        case .negativeInteger(let component): self = .negativeInteger(Component(component))
        case .integerTooLong(let component): self = .integerTooLong(Component(component))
        case .integerOutOfRange(let component): self = .integerOutOfRange(Component(component))
        }
    }
}

extension DERSignatureError.Component {
    init(_ component: DERSignatureCodec.Component) {
        self = component == .r ? .r : .s
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
