internal import CZhengwuKitOpenSSL
import GMCrypto

extension X509Certificate {
    /// SHA-256 of the DER encoding, as browsers and `openssl x509 -fingerprint -sha256` show it.
    public var sha256Fingerprint: [UInt8] { digest(FetchedAlgorithms.sha256) }

    /// SM3 of the DER encoding, the fingerprint GB/T 38540 seals use in `certDigestList`.
    public var sm3Fingerprint: [UInt8] { digest(FetchedAlgorithms.sm3) }

    private func digest(_ algorithm: OpaquePointer?) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_Digest(der, der.count, &output, &length, algorithm, nil) == 1 else {
            // Only an out-of-memory OpenSSL fails a one-shot digest; an empty value is never a match.
            OpenSSLErrorQueue.clear()
            return []
        }
        return Array(output.prefix(Int(length)))
    }
}
