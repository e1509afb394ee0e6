import Foundation

/// Signatures made by the `openssl` CLI, in OpenSSL's own DER, for checks that share no code
/// with GMCrypto.
public enum OpenSSLSignature {
    public enum Digest: String, Sendable {
        /// SM3withSM2 with the distinguishing ID `1234567812345678` (OpenSSL 3.0's default is empty).
        case sm3
        /// ECDSA with SHA-256.
        case sha256
    }

    /// openssl's DER signature over `input`, made with the PEM private key `keyFile` in `directory`
    /// (which also receives the files `input` and `sig.der`).
    public static func der(of input: String, keyFile: String, digest: Digest, in directory: URL) throws -> [UInt8] {
        try Data(input.utf8).write(to: directory.appendingPathComponent("input"))
        var arguments = ["dgst", "-\(digest.rawValue)", "-sign", keyFile]
        if digest == .sm3 { arguments += ["-sigopt", "distid:1234567812345678"] }
        let result = try Processes.run(
            "openssl", arguments + ["-out", "sig.der", "input"], currentDirectory: directory)
        guard result.status == 0 else { throw OpenSSLSignatureFailure(message: result.stderrText) }
        return Array(try Data(contentsOf: directory.appendingPathComponent("sig.der")))
    }
}

public struct OpenSSLSignatureFailure: Error, CustomStringConvertible {
    public let message: String
    public var description: String { "openssl could not sign: \(message)" }
}
