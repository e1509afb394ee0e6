import Foundation
import GMCertificates
import GMCrypto

/// The revocation lines of a report: GMCrypto's `X509RevocationPolicy` applied to a proven
/// chain of the maker's or the signer's certificate.
enum SealRevocation {
    static func check(_ check: SealCheck, chain: [X509Certificate], policy: X509RevocationPolicy, at time: Date)
        -> SealLine
    {
        let statuses = policy.statuses(of: chain, at: time)
        if let fatal = statuses.first(where: { $0.isFatal }), let failure = fatal.failure {
            return SealLine(check, .failed, describe(fatal, failure))
        }
        let warnings = statuses.compactMap { status in status.failure.map { "warning: " + describe(status, $0) } }
        let lists = statuses.compactMap { status -> String? in
            if let list = status.list {
                return "the list of \(list.issuer.commonName ?? list.issuer.description) of \(report: list.thisUpdate)"
                    + (list.crlNumberDescription.map { " (CRL number \($0))" } ?? "")
            }
            return status.response.map { "an OCSP response produced \(report: $0.producedAt)" }
        }
        let summary =
            "not revoked at \(report: time)"
            + (lists.isEmpty ? "" : " by \(lists.joined(separator: ", "))")
        return SealLine(check, .passed, ([summary] + warnings).joined(separator: "; "))
    }

    private static func describe(_ status: X509RevocationStatus, _ failure: X509RevocationFailure) -> String {
        "\(failure) [\(failure.code), \(failure.chineseTerm)]: certificate at depth \(status.depth), subject \(status.certificate.subject)"
    }
}

extension SealVerifier {
    /// When the maker's and the signer's certificates must not yet have been revoked.
    public enum RevocationTime: String, Sendable, Hashable, CaseIterable {
        /// At the verification time. The default, because the making and signing times are
        /// written by the maker and the signer themselves: whoever holds a revoked (say,
        /// stolen) key could otherwise date a new signature before the revocation and pass.
        case verification
        /// At the times the seal and the signature assert (the seal's `createDate`, the
        /// signature's `timeInfo`). For archives verified long after signing, where those
        /// times are trusted on other grounds (a verified time stamp, a record of when the
        /// document arrived): a certificate revoked after the asserted time still passes.
        case asserted

        /// The instant revocation is judged at, of the time a seal or signature claims and
        /// the verification time.
        func instant(asserted claimed: Date, verification: Date) -> Date {
            self == .asserted ? claimed : verification
        }
    }

    /// The revocation policy seals need, with lists issued after the time judged accepted,
    /// since a list knows every revocation before its `thisUpdate`. Missing and stale lists
    /// fail unless told otherwise.
    public static func revocationPolicy(
        lists: [X509RevocationList], responses: [X509OCSPResponse] = [],
        whenNoList: X509RevocationPolicy.Handling = .fail, whenStale: X509RevocationPolicy.Handling = .fail,
        maximumAge: TimeInterval? = nil
    ) -> X509RevocationPolicy {
        X509RevocationPolicy(
            lists: lists, responses: responses, whenNoList: whenNoList, whenStale: whenStale, acceptsLaterLists: true,
            maximumAge: maximumAge)
    }
}
