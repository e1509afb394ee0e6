import GMCrypto

extension SM2KeyFiles {
    /// The SM2 public key in the certificate at `path`.
    static func certificateKey(_ path: String) throws -> SM2.Signing.PublicKey {
        throw CLIError("--cert \(path): certificate support arrives with the x509 module; use --pub")
    }
}
