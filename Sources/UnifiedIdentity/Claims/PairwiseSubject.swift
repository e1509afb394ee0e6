import ZhengwuKitCore

/// Pairwise subject identifiers (as in OpenID Connect Core §8.1): each relying department
/// sees a different, stable `sub` for the same person, so departments cannot join their
/// records on it. `sub = BASE64URL(HMAC-SM3(secret, sector ‖ 0x00 ‖ local identifier))`.
///
/// The secret stays with the issuer; without it the mapping cannot be inverted or linked.
public struct PairwiseSubjectGenerator: Sendable {
    private let secret: [UInt8]

    /// `secret` must hold at least 16 bytes (32 recommended, like an SM3 output).
    public init<Secret: Collection<UInt8>>(secret: Secret) throws(PairwiseSubjectError) {
        guard secret.count >= 16 else { throw .secretTooShort(secret.count) }
        self.secret = Array(secret)
    }

    /// The subject `localIdentifier` (a citizen ID, a credit code, an account number, or an
    /// upstream pairwise `sub`) has in `sector` (a department's identifier or audience).
    public func subject(for localIdentifier: String, in sector: String) -> String {
        var message = Array(sector.utf8)
        message.append(0)
        message.append(contentsOf: localIdentifier.utf8)
        return Base64URL.encode(GMCryptoBackends.hmacSM3(key: secret, message: message))
    }
}

public enum PairwiseSubjectError: ZhengwuKitError, Equatable {
    case secretTooShort(Int)

    public var code: String { "token.pairwise_secret_too_short" }
    public var chineseTerm: String { "成对主体标识密钥过短" }

    public var message: String {
        switch self {
        case .secretTooShort(let count): return "pairwise subject secret has \(count) bytes; at least 16 are needed"
        }
    }
}
