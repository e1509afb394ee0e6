import Foundation
import GMCrypto
import ZhengwuKitCore

/// What revocation checking found wrong with one certificate of a chain: either why it
/// fails (``X509VerificationFailure/Reason/revocation(_:)``) or, when the policy was told
/// to tolerate it, what it warns about.
public enum X509RevocationFailure: ZhengwuKitError, Hashable {
    /// The issuer's list revokes the certificate, from ``X509RevocationList/Entry/effectiveDate``.
    case revoked(X509RevocationList.Entry)
    /// No list of the certificate's issuer was given, so its status is unknown.
    case noList(issuer: X509Certificate.DistinguishedName)
    /// Lists naming the issuer were given, but none is signed by the issuer's key (the
    /// error of the first one says why: bad signature, no `cRLSign`, algorithm).
    case listSignatureInvalid(X509RevocationListError)
    /// The issuer's newest list was issued after the verification time.
    case listNotYetValid(thisUpdate: Date)
    /// The issuer's newest list had passed its `nextUpdate` at the verification time.
    case listExpired(nextUpdate: Date)
    /// The issuer's newest list was older than ``X509RevocationPolicy/maximumAge`` at the
    /// verification time.
    case listTooOld(thisUpdate: Date, maximumAge: TimeInterval)

    /// A stable identifier for scripts and logs, e.g. `x509.revocation.revoked`.
    public var code: String {
        switch self {
        case .revoked: return "x509.revocation.revoked"
        case .noList: return "x509.revocation.no_list"
        case .listSignatureInvalid: return "x509.revocation.list_signature_invalid"
        case .listNotYetValid: return "x509.revocation.list_not_yet_valid"
        case .listExpired: return "x509.revocation.list_expired"
        case .listTooOld: return "x509.revocation.list_too_old"
        }
    }

    /// The Chinese term an operator reads.
    public var chineseTerm: String {
        switch self {
        case .revoked: return "证书已撤销"
        case .noList: return "缺少签发者的证书撤销列表"
        case .listSignatureInvalid: return "证书撤销列表签名无效"
        case .listNotYetValid: return "证书撤销列表尚未生效"
        case .listExpired: return "证书撤销列表已过期"
        case .listTooOld: return "证书撤销列表过旧"
        }
    }

    public var message: String {
        switch self {
        case .revoked(let entry):
            var text = "revoked on \(Self.format(entry.revocationDate))"
            if let reason = entry.reason { text += ", reason \(reason.name) (\(reason.chineseTerm))" }
            if let invalidity = entry.invalidityDate { text += ", key invalid since \(Self.format(invalidity))" }
            return text + ", serial \(entry.serialNumber)"
        case .noList(let issuer): return "no revocation list of issuer \(issuer) was given"
        case .listSignatureInvalid(let error): return "no revocation list of the issuer verifies: \(error)"
        case .listNotYetValid(let thisUpdate):
            return "the issuer's revocation list is not valid before \(Self.format(thisUpdate))"
        case .listExpired(let nextUpdate):
            return "the issuer's revocation list expired at \(Self.format(nextUpdate)) (nextUpdate)"
        case .listTooOld(let thisUpdate, let maximumAge):
            return
                "the issuer's revocation list of \(Self.format(thisUpdate)) is older than the \(Self.seconds(maximumAge)) s allowed"
        }
    }

    private static func format(_ date: Date) -> String { Timestamp.format(date) }

    /// Whole seconds when they fit an `Int` (the age is caller-supplied: infinity must not trap).
    private static func seconds(_ interval: TimeInterval) -> String {
        interval.isFinite && abs(interval) < 1e15 ? "\(Int(interval))" : "\(interval)"
    }
}

/// The revocation status of one certificate of a chain, as ``X509RevocationPolicy`` found it.
public struct X509RevocationStatus: Hashable, Sendable {
    public let certificate: X509Certificate
    /// Its position in the chain: 0 for the leaf.
    public let depth: Int
    /// The issuer's list that answered, when one did.
    public let list: X509RevocationList?
    /// The OCSP response that answered, when one did (then ``list`` is `nil`).
    public let response: X509OCSPResponse?
    /// `nil` when the list shows the certificate not revoked and nothing had to be tolerated.
    public let failure: X509RevocationFailure?
    /// Whether ``failure`` fails the policy; false makes it a warning.
    public let isFatal: Bool

    public var isRevoked: Bool {
        if case .revoked = failure { return true }
        return false
    }
}
