internal import CZhengwuKitOpenSSL

extension X509Certificate.PrivateKey {
    /// Reads a PEM private key of any algorithm a certificate can be signed with (SM2,
    /// P-256, Ed25519; PKCS#8 or SEC1), returning the matching case. For tools that take
    /// "the CA key" without being told its algorithm.
    public init(pemRepresentation: String) throws(X509Error) {
        guard pemRepresentation.contains("-----BEGIN"), pemRepresentation.contains("PRIVATE KEY-----") else {
            throw .malformedPEM("no PRIVATE KEY block found")
        }
        OpenSSLErrorQueue.clear()
        let bytes = Array(pemRepresentation.utf8)
        let pointer: OpaquePointer? = bytes.withUnsafeBytes { buffer in
            guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
            defer { BIO_free(bio) }
            // A nil password callback with an empty password: encrypted keys fail instead of prompting.
            return PEM_read_bio_PrivateKey(bio, nil, nil, nil)
        }
        guard let pointer else {
            throw .malformedPEM(
                "not a readable unencrypted private key: \(OpenSSLErrorQueue.drain() ?? "no reason given")")
        }
        let key = EVPKey(taking: pointer)
        if key.isA("SM2") {
            self = .sm2(SM2.Signing.PrivateKey(evpKey: key))
        } else if key.isA("ED25519") {
            self = .ed25519(Curve25519.Signing.PrivateKey(evpKey: key))
        } else if key.isA("EC"), key.groupName == "prime256v1" {
            self = .p256(P256.Signing.PrivateKey(evpKey: key))
        } else {
            throw .unsupportedPublicKey("\(key.typeName) \(key.groupName ?? "")")
        }
    }

}
