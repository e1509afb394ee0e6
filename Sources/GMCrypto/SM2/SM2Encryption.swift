internal import CZhengwuKitOpenSSL
import Foundation
import SwiftASN1
internal import ZhengwuKitSupport

extension SM2.Encryption {
    /// SM2 keys serve for encryption as for signing (GB/T 32918.4 uses the same key pairs;
    /// deployments usually keep a separate encryption pair).
    public typealias PublicKey = SM2.Signing.PublicKey
    public typealias PrivateKey = SM2.Signing.PrivateKey

    /// How the ciphertext C1, C3, C2 is laid out.
    public enum CiphertextFormat: Sendable, Hashable {
        /// `04‖x1‖y1 ‖ C3 (32-byte SM3) ‖ C2`, the byte order of GB/T 32918.4-2016.
        /// On input the `04` may be missing, as Python gmssl writes it.
        case c1c3c2
        /// `04‖x1‖y1 ‖ C2 ‖ C3`, the order of the 2010 draft (GM/T 0003-2012), still the
        /// default of Python gmssl (`mode=0`) and of some older devices. Same `04` rule.
        case c1c2c3
        /// GM/T 0009 `SM2Cipher ::= SEQUENCE { x INTEGER, y INTEGER, hash OCTET STRING,
        /// cipherText OCTET STRING }`, what OpenSSL and `openssl pkeyutl -encrypt` use.
        case asn1
    }

    /// Encrypts `plaintext` to `publicKey` (a fresh random k each time).
    public static func encrypt<D: DataProtocol>(
        _ plaintext: D, to publicKey: PublicKey, format: CiphertextFormat = .c1c3c2
    ) throws(GMCryptoError) -> Data {
        let message = [UInt8](plaintext)
        guard !message.isEmpty else {
            throw .invalidLength(what: "an SM2 plaintext", expected: "at least 1", actual: 0)
        }
        OpenSSLErrorQueue.clear()
        guard let context = EVP_PKEY_CTX_new(publicKey.evpKey.pointer, nil) else {
            throw .openSSL("allocate an SM2 encryption context")
        }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_encrypt_init(context) == 1 else { throw .openSSL("start SM2 encryption") }
        var length = 0
        guard EVP_PKEY_encrypt(context, nil, &length, message, message.count) == 1 else {
            throw .openSSL("size the SM2 ciphertext")
        }
        var output = [UInt8](repeating: 0, count: length)
        guard EVP_PKEY_encrypt(context, &output, &length, message, message.count) == 1 else {
            throw .openSSL("encrypt with SM2")
        }
        let asn1 = Array(output.prefix(length))
        switch format {
        case .asn1: return Data(asn1)
        case .c1c3c2: return Data(try SM2CiphertextLayout.concatenated(fromASN1: asn1, hashFirst: true))
        case .c1c2c3: return Data(try SM2CiphertextLayout.concatenated(fromASN1: asn1, hashFirst: false))
        }
    }

    /// Decrypts `ciphertext` with `privateKey`; fails if C3 (the SM3 check value) does not match.
    public static func decrypt<D: DataProtocol>(
        _ ciphertext: D, using privateKey: PrivateKey, format: CiphertextFormat = .c1c3c2
    ) throws(GMCryptoError) -> Data {
        let bytes = [UInt8](ciphertext)
        let asn1: [UInt8]
        switch format {
        case .asn1: asn1 = bytes
        case .c1c3c2: asn1 = try SM2CiphertextLayout.asn1(fromConcatenated: bytes, hashFirst: true)
        case .c1c2c3: asn1 = try SM2CiphertextLayout.asn1(fromConcatenated: bytes, hashFirst: false)
        }
        OpenSSLErrorQueue.clear()
        guard let context = EVP_PKEY_CTX_new(privateKey.evpKey.pointer, nil) else {
            throw .openSSL("allocate an SM2 decryption context")
        }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_decrypt_init(context) == 1 else { throw .openSSL("start SM2 decryption") }
        var length = 0
        guard EVP_PKEY_decrypt(context, nil, &length, asn1, asn1.count) == 1 else {
            throw .decryptionFailed("not an SM2 ciphertext: \(OpenSSLErrorQueue.drain() ?? "OpenSSL rejected it")")
        }
        var output = [UInt8](repeating: 0, count: max(length, 1))
        guard EVP_PKEY_decrypt(context, &output, &length, asn1, asn1.count) == 1 else {
            throw .decryptionFailed(
                "wrong key or tampered ciphertext (C3 mismatch): \(OpenSSLErrorQueue.drain() ?? "OpenSSL rejected it")")
        }
        return Data(output.prefix(length))
    }
}

/// Converts between the ASN.1 `SM2Cipher` and the concatenated C1C3C2 / C1C2C3 byte strings.
enum SM2CiphertextLayout {
    static let coordinateWidth = 32
    static let hashWidth = 32

    static func concatenated(fromASN1 der: [UInt8], hashFirst: Bool) throws(GMCryptoError) -> [UInt8] {
        do {
            let node = try DER.parse(der)
            return try DER.sequence(node, identifier: .sequence) { nodes in
                let x = try ArraySlice<UInt8>(derEncoded: &nodes)
                let y = try ArraySlice<UInt8>(derEncoded: &nodes)
                let hash = try ASN1OctetString(derEncoded: &nodes)
                let cipherText = try ASN1OctetString(derEncoded: &nodes)
                guard let paddedX = Bytes.leftPadded(x, to: coordinateWidth),
                    let paddedY = Bytes.leftPadded(y, to: coordinateWidth), hash.bytes.count == hashWidth
                else {
                    throw ASN1Error.invalidASN1Object(reason: "SM2Cipher field sizes")
                }
                let c1 = [0x04] + paddedX + paddedY
                return hashFirst ? c1 + hash.bytes + cipherText.bytes : c1 + cipherText.bytes + hash.bytes
            }
        } catch {
            throw .malformedDER("not an SM2Cipher SEQUENCE: \(error)")
        }
    }

    static func asn1(fromConcatenated bytes: [UInt8], hashFirst: Bool) throws(GMCryptoError) -> [UInt8] {
        let pointWidth = 2 * coordinateWidth
        // C1 is 04‖x‖y; gmssl omits the 04. A leading 04 followed by a point on the curve
        // means the prefix is there (a 04 that starts x would almost never give a point).
        var offset = 0
        if bytes.count > 1 + pointWidth + hashWidth, bytes[0] == 0x04,
            (try? SM2.Signing.PublicKey(rawRepresentation: bytes[1...pointWidth])) != nil
        {
            offset = 1
        }
        guard bytes.count > offset + pointWidth + hashWidth else {
            throw .invalidLength(
                what: "an SM2 \(hashFirst ? "C1C3C2" : "C1C2C3") ciphertext",
                expected: "more than \(1 + pointWidth + hashWidth)",
                actual: bytes.count)
        }
        let x = bytes[offset..<offset + coordinateWidth]
        let y = bytes[offset + coordinateWidth..<offset + pointWidth]
        let rest = bytes[(offset + pointWidth)...]
        let hash = hashFirst ? rest.prefix(hashWidth) : rest.suffix(hashWidth)
        let cipherText = hashFirst ? rest.dropFirst(hashWidth) : rest.dropLast(hashWidth)
        var serializer = DER.Serializer()
        do {
            try serializer.appendConstructedNode(identifier: .sequence) { coder in
                try coder.serialize(x.drop { $0 == 0 })
                try coder.serialize(y.drop { $0 == 0 })
                try coder.serialize(ASN1OctetString(contentBytes: hash))
                try coder.serialize(ASN1OctetString(contentBytes: cipherText))
            }
        } catch {
            throw .malformedDER("could not re-encode the ciphertext: \(error)")
        }
        return serializer.serializedBytes
    }
}
