import Foundation
import GMCrypto

/// RFC 7636 S256: the challenge is base64url(SHA-256(verifier)).
enum PKCE {
    static func challenge(for verifier: String) -> String {
        let digest = SHA2.SHA256.hash(data: Array(verifier.utf8)).bytes
        return Data(digest).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// 43 to 128 characters of `[A-Za-z0-9-._~]` (RFC 7636 §4.1).
    static func isWellFormed(_ verifier: String) -> Bool {
        (43...128).contains(verifier.utf8.count)
            && verifier.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
            }
    }
}
