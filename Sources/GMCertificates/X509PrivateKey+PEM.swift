import GMCrypto
internal import ZhengwuKitSupport

extension X509Certificate.PrivateKey {
    /// Reads a PEM private key of any algorithm a certificate can be signed with (SM2,
    /// P-256, Ed25519; PKCS#8 or SEC1), returning the matching case. For tools that take
    /// "the CA key" without being told its algorithm.
    public init(pemRepresentation: String) throws(X509Error) {
        let der: [UInt8]
        do {
            der = Array(
                try PEMBlock(parsing: pemRepresentation, expecting: EVPKey.privateKeyLabels).derBytes)
        } catch {
            throw .malformedPEM(error.description)
        }
        var found = "an unknown key type"
        for kind in [KeyKind.sm2, .p256, .ed25519] {
            do {
                let key = try EVPKey.privateKey(derRepresentation: der, kind: kind)
                switch kind {
                case .sm2: self = .sm2(SM2.Signing.PrivateKey(evpKey: key))
                case .p256: self = .p256(NISTP256.Signing.PrivateKey(evpKey: key))
                default: self = .ed25519(Ed25519.Signing.PrivateKey(evpKey: key))
                }
                return
            } catch .unexpectedKeyType(_, let actual) {
                found = actual
            } catch {
                throw .malformedDER(error.message)
            }
        }
        throw .unsupportedKeyType(found)
    }
}
