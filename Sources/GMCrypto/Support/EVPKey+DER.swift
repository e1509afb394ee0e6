internal import CZhengwuKitOpenSSL
import Foundation
import SwiftASN1
internal import ZhengwuKitSupport

extension EVPKey {
    /// Loads a PKCS#8 `PrivateKeyInfo` (or a SEC1 `ECPrivateKey`, which OpenSSL labels
    /// "EC PRIVATE KEY" or, for the SM2 curve, "SM2 PRIVATE KEY") of `kind`.
    package static func privateKey<D: DataProtocol>(derRepresentation der: D, kind: KeyKind) throws(GMCryptoError)
        -> EVPKey
    {
        try decode(der, kind: kind, what: "private key", structure: "a PKCS#8 private key") { cursor, length in
            d2i_AutoPrivateKey(nil, &cursor, length)
        }
    }

    /// Loads an X.509 `SubjectPublicKeyInfo` of `kind`.
    package static func publicKey<D: DataProtocol>(derRepresentation der: D, kind: KeyKind) throws(GMCryptoError)
        -> EVPKey
    {
        try decode(der, kind: kind, what: "public key", structure: "a SubjectPublicKeyInfo") { cursor, length in
            d2i_PUBKEY(nil, &cursor, length)
        }
    }

    /// The one DER key loader: a swift-asn1 check that the bytes are one complete element,
    /// then `decoder` (an OpenSSL `d2i_*` function), then the check that the key is `kind`.
    private static func decode<D: DataProtocol>(
        _ der: D, kind: KeyKind, what: String, structure: String,
        decoder: (inout UnsafePointer<UInt8>?, Int) -> OpaquePointer?
    ) throws(GMCryptoError) -> EVPKey {
        let bytes = try checkedDER(der, what: what)
        OpenSSLErrorQueue.clear()
        let pointer = bytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            return decoder(&cursor, buffer.count)
        }
        guard let pointer else {
            throw .malformedDER("not \(structure): \(OpenSSLErrorQueue.drain() ?? "OpenSSL could not decode it")")
        }
        return try EVPKey(taking: pointer).normalised(as: kind)
    }

    package static func privateKey(pemRepresentation pem: String, kind: KeyKind) throws(GMCryptoError) -> EVPKey {
        return try privateKey(derRepresentation: try document(pem, expecting: privateKeyLabels).derBytes, kind: kind)
    }

    package static func publicKey(pemRepresentation pem: String, kind: KeyKind) throws(GMCryptoError) -> EVPKey {
        return try publicKey(derRepresentation: try document(pem, expecting: ["PUBLIC KEY"]).derBytes, kind: kind)
    }

    /// The labels private keys come under: PKCS#8, and SEC1 as OpenSSL and GmSSL write it.
    package static let privateKeyLabels = ["PRIVATE KEY", "EC PRIVATE KEY", "SM2 PRIVATE KEY"]

    private static func document(_ pem: String, expecting labels: [String]) throws(GMCryptoError) -> PEMBlock {
        do {
            return try PEMBlock(parsing: pem, expecting: labels)
        } catch {
            throw .malformedPEM(error.description)
        }
    }

    /// The PKCS#8 `PrivateKeyInfo` DER.
    package func pkcs8DERRepresentation() throws(GMCryptoError) -> Data {
        var output: UnsafeMutablePointer<UInt8>?
        let length = CZWK_pkcs8_der(pointer, &output)
        guard length > 0, let output else { throw .openSSL("encode a PKCS#8 private key") }
        defer { CZWK_OPENSSL_clear_free(output, Int(length)) }
        return Data(bytes: output, count: Int(length))
    }

    /// The `SubjectPublicKeyInfo` DER.
    package func spkiDERRepresentation() throws(GMCryptoError) -> Data {
        var output: UnsafeMutablePointer<UInt8>?
        let length = i2d_PUBKEY(pointer, &output)
        guard length > 0, let output else { throw .openSSL("encode a public key") }
        defer { CZWK_OPENSSL_free(output) }
        return Data(bytes: output, count: Int(length))
    }

    /// Generates a fresh key of `kind` (RSA is verify-only here and cannot be generated).
    package static func generate(_ kind: KeyKind) throws(GMCryptoError) -> EVPKey {
        let name: String
        switch kind {
        case .sm2: name = "SM2"
        case .p256: name = "EC"
        case .ed25519: name = "ED25519"
        case .rsa: throw .unsupported("RSA key generation (GMCrypto only verifies RSA signatures)")
        }
        guard let context = EVP_PKEY_CTX_new_from_name(nil, name, nil) else {
            throw .openSSL("create a \(kind.displayName) key generator")
        }
        defer { EVP_PKEY_CTX_free(context) }
        guard EVP_PKEY_keygen_init(context) == 1 else { throw .openSSL("start \(kind.displayName) key generation") }
        if kind == .p256, EVP_PKEY_CTX_set_group_name(context, "P-256") != 1 {
            throw .openSSL("select the P-256 curve")
        }
        var key: OpaquePointer?
        guard EVP_PKEY_generate(context, &key) == 1, let key else {
            throw .openSSL("generate a \(kind.displayName) key")
        }
        return EVPKey(taking: key)
    }

    /// `der` as an array, after checking with swift-asn1 that it is one complete DER
    /// element: OpenSSL's decoders tolerate trailing bytes and report truncation vaguely.
    private static func checkedDER<D: DataProtocol>(_ der: D, what: String) throws(GMCryptoError) -> [UInt8] {
        let bytes = der.contiguousBytes
        guard !bytes.isEmpty else { throw .malformedDER("the \(what) is empty") }
        do {
            _ = try DER.parse(bytes)
        } catch {
            throw .malformedDER("the \(what) is not one complete DER element (truncated or trailing bytes): \(error)")
        }
        return bytes
    }
}
