internal import ZhengwuKitSupport

/// GMCrypto's errors over the shared DER signature codec (`ZhengwuKitSupport.DERSignatureCodec`).
enum ECDSASignatureCoding {
    /// The raw r‖s (each left-padded to `width`) of a DER signature.
    static func raw(fromDER der: [UInt8], width: Int, algorithm: String) throws(GMCryptoError) -> [UInt8] {
        do {
            return try DERSignatureCodec.raw(fromDER: der, width: width)
        } catch {
            switch error {
            case .integerOutOfRange:
                throw .malformedSignature("r or s of the \(algorithm) signature is zero")
            case .integerTooLong:
                throw .malformedSignature("r or s of the \(algorithm) signature is longer than \(width) bytes")
            default:
                throw .malformedSignature("the \(algorithm) signature is not a DER SEQUENCE of two INTEGERs: \(error)")
            }
        }
    }

    /// The DER encoding of a raw r‖s of `2 × width` bytes.
    static func der(fromRaw raw: [UInt8], width: Int, algorithm: String) throws(GMCryptoError) -> [UInt8] {
        guard let der = DERSignatureCodec.der(fromRaw: raw, width: width) else {
            throw .invalidLength(
                what: "a raw \(algorithm) signature (r‖s)", expected: "\(2 * width)", actual: raw.count)
        }
        return der
    }
}
