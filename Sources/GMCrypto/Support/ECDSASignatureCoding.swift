import SwiftASN1
internal import ZhengwuKitSupport

/// Converts (r, s) signatures between the DER `SEQUENCE { r INTEGER, s INTEGER }` that
/// OpenSSL, X.509 and seals use and the fixed-width raw r‖s that JOSE and some vendors use.
///
/// ```
/// ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }   -- RFC 3279; SM2 uses the same shape
/// ```
enum ECDSASignatureCoding {
    /// The raw r‖s (each left-padded to `width`) of a DER signature.
    static func raw(fromDER der: [UInt8], width: Int, algorithm: String) throws(GMCryptoError) -> [UInt8] {
        let r: ArraySlice<UInt8>
        let s: ArraySlice<UInt8>
        do {
            let node = try DER.parse(der)
            (r, s) = try DER.sequence(node, identifier: .sequence) { nodes in
                let r = try ArraySlice<UInt8>(derEncoded: &nodes)
                let s = try ArraySlice<UInt8>(derEncoded: &nodes)
                return (r, s)
            }
        } catch {
            throw .malformedSignature("the \(algorithm) signature is not a DER SEQUENCE of two INTEGERs: \(error)")
        }
        // swift-asn1 already rejected negative and non-minimal INTEGERs and stripped the sign byte.
        guard r.contains(where: { $0 != 0 }), s.contains(where: { $0 != 0 }) else {
            throw .malformedSignature("r or s of the \(algorithm) signature is zero")
        }
        guard let paddedR = Bytes.leftPadded(r, to: width), let paddedS = Bytes.leftPadded(s, to: width) else {
            throw .malformedSignature("r or s of the \(algorithm) signature is longer than \(width) bytes")
        }
        return paddedR + paddedS
    }

    /// The DER encoding of a raw r‖s of `2 × width` bytes.
    static func der(fromRaw raw: [UInt8], width: Int, algorithm: String) throws(GMCryptoError) -> [UInt8] {
        guard raw.count == 2 * width else {
            throw .invalidLength(
                what: "a raw \(algorithm) signature (r‖s)", expected: "\(2 * width)", actual: raw.count)
        }
        var serializer = DER.Serializer()
        do {
            try serializer.appendConstructedNode(identifier: .sequence) { coder in
                // The serializer adds the sign byte and encodes an empty magnitude as zero.
                try coder.serialize(raw[0..<width].drop { $0 == 0 })
                try coder.serialize(raw[width...].drop { $0 == 0 })
            }
        } catch {
            throw .malformedSignature("could not encode the \(algorithm) signature: \(error)")
        }
        return serializer.serializedBytes
    }
}
