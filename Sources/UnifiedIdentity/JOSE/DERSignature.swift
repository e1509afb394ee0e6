internal import ZhengwuKitSupport

/// Reads an elliptic-curve signature given as DER `SEQUENCE { r INTEGER, s INTEGER }`
/// (RFC 3279's ECDSA-Sig-Value; SM2 uses the same shape, GB/T 35276) into JOSE's raw r‖s.
///
/// Strict on purpose: exactly one DER encoding exists for each (r, s), so anything BER allows
/// and DER does not (indefinite or long-form lengths where short form fits, leading zero or
/// 0xFF bytes, bytes after the SEQUENCE or after `s`) is refused with its own rule, as are
/// negative, zero or oversize integers and values not below the curve order n.
enum DERSignature {
    /// The 64-byte r‖s of `der`, each integer checked against `curve`.
    /// A broken rule is the codec's, named in the token's own error (`token.signature_der_<rule>`).
    static func raw(fromDER der: [UInt8], curve: Curve) throws(TokenError) -> [UInt8] {
        do {
            return try DERSignatureCodec.raw(fromDER: der, width: 32, order: curve.order)
        } catch {
            throw .malformedDERSignature(rule: error.rule, reason: error.description)
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
