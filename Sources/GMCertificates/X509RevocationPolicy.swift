import Foundation
import GMCrypto
import ZhengwuKitCore

/// No certificate of the chain below the trust root is revoked, according to revocation
/// lists its issuer signed (RFC 5280 §6.3, complete CRLs only).
///
/// ```swift
/// let verifier = X509Verifier(trustRoots: [root]) {
///     X509RevocationPolicy.notRevoked(by: [rootList, caList])
/// }
/// if case .invalid(let failure) = verifier.verify(leaf, intermediates: [ca], at: signingTime),
///     case .revocation(.revoked(let entry)) = failure.reason {
///     print("revoked on \(entry.revocationDate), reason \(entry.reason?.name ?? "unspecified")")
/// }
/// ```
///
/// For each certificate, an OCSP response among ``responses`` that the issuer (or its
/// delegated responder) signed and that answers `good` or `revoked` at the verification time
/// decides first, except that a verified list revoking the certificate outweighs `good`.
/// Otherwise the lists whose issuer name is the certificate's issuer are
/// considered; only those the issuer's key verifies count. Of these, the newest (by
/// `thisUpdate`) answers. A certificate is revoked at time T when its entry's
/// ``X509RevocationList/Entry/effectiveDate`` is at or before T: verifying a signature
/// at its signing time accepts a certificate revoked afterwards.
public struct X509RevocationPolicy: X509ChainPolicy {
    /// What to do about a missing or stale list: fail the chain, or accept it and report a
    /// warning in ``statuses(of:at:)``.
    public enum Handling: String, Hashable, Sendable, CaseIterable {
        case fail
        case warn
    }

    public var lists: [X509RevocationList]
    /// Saved OCSP responses; one that answers for a certificate takes precedence over lists,
    /// except that a list revoking it outweighs a `good` answer.
    public var responses: [X509OCSPResponse]
    /// A certificate whose issuer published no list given here. `.fail` by default: hard
    /// checking, since a status that is unknown is not good.
    public var whenNoList: Handling
    /// A list past its `nextUpdate`, or (unless ``acceptsLaterLists``) issued after the
    /// verification time. `.fail` by default.
    public var whenStale: Handling
    /// Whether a list issued after the verification time may answer for it. False by
    /// default, as OpenSSL does; set it to check at a past time (a seal's signing time)
    /// with today's list, which knows every revocation before it was issued.
    public var acceptsLaterLists: Bool
    /// How far the clocks of CA and verifier may disagree, for `thisUpdate` and `nextUpdate`.
    public var clockSkew: TimeInterval
    /// How old (by `thisUpdate`, at the verification time) a list or a `good` OCSP answer may
    /// be. `nil`, the default, leaves `nextUpdate` as the only bound, as OpenSSL does; but a
    /// v1 list or an OCSP response without `nextUpdate` then never goes stale, so a `good`
    /// answer saved long ago would vouch forever. An older list is stale (``whenStale``); an
    /// older `good` answer is ignored, leaving the question to the lists. A revocation counts
    /// whatever its age.
    public var maximumAge: TimeInterval?

    public init(
        lists: [X509RevocationList], responses: [X509OCSPResponse] = [], whenNoList: Handling = .fail,
        whenStale: Handling = .fail, acceptsLaterLists: Bool = false, clockSkew: TimeInterval = 0,
        maximumAge: TimeInterval? = nil
    ) {
        self.lists = lists
        self.responses = responses
        self.whenNoList = whenNoList
        self.whenStale = whenStale
        self.acceptsLaterLists = acceptsLaterLists
        self.clockSkew = clockSkew
        self.maximumAge = maximumAge
    }

    public var name: String { "revocation" }

    public func check(_ context: X509ChainContext) -> X509VerificationFailure? {
        for status in statuses(of: context.chain, at: context.time) where status.isFatal {
            guard let failure = status.failure else { continue }
            return X509VerificationFailure(
                reason: .revocation(failure), certificate: status.certificate, depth: status.depth)
        }
        return nil
    }

    /// The status of every certificate of `chain` (leaf first, trust root last) except the
    /// root, at `time`; warnings included, which ``check(_:)`` cannot report.
    public func statuses(of chain: [X509Certificate], at time: Date) -> [X509RevocationStatus] {
        guard chain.count > 1 else { return [] }
        return (0..<(chain.count - 1)).map { depth in
            status(of: chain[depth], issuedBy: chain[depth + 1], depth: depth, at: time)
        }
    }

    private func status(of certificate: X509Certificate, issuedBy issuer: X509Certificate, depth: Int, at time: Date)
        -> X509RevocationStatus
    {
        func result(_ list: X509RevocationList?, _ failure: X509RevocationFailure?, fatal: Bool) -> X509RevocationStatus
        {
            X509RevocationStatus(
                certificate: certificate, depth: depth, list: list, response: nil, failure: failure, isFatal: fatal)
        }
        let choice = listChoice(issuedBy: issuer, at: time)
        // Lists equally fresh (same thisUpdate and number) that disagree: revoked wins, in
        // whatever order they were given, as it does between OCSP answers.
        let revocation = choice.newest.lazy.compactMap { list in
            list.entry(for: certificate.serialNumber).flatMap { $0.effectiveDate <= time ? (list, $0) : nil }
        }.first
        if let answer = ocspAnswer(for: certificate, issuedBy: issuer, depth: depth, at: time) {
            // A verified list that revokes the certificate outweighs a "good" answer, as a
            // revoking response does: a responder may lag its CA, a saved answer may predate
            // the revocation. Otherwise the response decides, whatever the lists' freshness.
            guard answer.failure == nil, let (list, entry) = revocation else { return answer }
            return result(list, .revoked(entry), fatal: true)
        }
        guard choice.named else {
            return result(nil, .noList(issuer: issuer.subject), fatal: whenNoList == .fail)
        }
        guard let list = choice.list else {
            return result(nil, .listSignatureInvalid(choice.firstError ?? .badSignature), fatal: true)
        }
        if let (list, entry) = revocation { return result(list, .revoked(entry), fatal: true) }
        if !choice.issuedInTime {
            return result(list, .listNotYetValid(thisUpdate: list.thisUpdate), fatal: whenStale == .fail)
        }
        if let nextUpdate = list.nextUpdate, nextUpdate < time.addingTimeInterval(-clockSkew) {
            return result(list, .listExpired(nextUpdate: nextUpdate), fatal: whenStale == .fail)
        }
        if let maximumAge, !isFresh(list.thisUpdate, at: time) {
            return result(
                list, .listTooOld(thisUpdate: list.thisUpdate, maximumAge: maximumAge), fatal: whenStale == .fail)
        }
        return result(list, nil, fatal: false)
    }

    /// The list that answers for certificates `issuer` issued: of the lists with its name
    /// that its key verifies, the newest issued by `time` (or, failing that, the newest).
    private func listChoice(issuedBy issuer: X509Certificate, at time: Date) -> ListChoice {
        let named = lists.filter { $0.issuer == issuer.subject }
        var verified: [X509RevocationList] = []
        var firstError: X509RevocationListError?
        for list in named {
            do {
                try list.validateSignature(issuedBy: issuer)
                verified.append(list)
            } catch {
                firstError = firstError ?? error
            }
        }
        let issuedInTime = verified.filter { acceptsLaterLists || $0.thisUpdate <= time.addingTimeInterval(clockSkew) }
        return ListChoice(
            named: !named.isEmpty, newest: Self.newest(issuedInTime.isEmpty ? verified : issuedInTime),
            issuedInTime: !issuedInTime.isEmpty, firstError: firstError)
    }

    private struct ListChoice {
        /// Whether any list carries the issuer's name.
        let named: Bool
        /// The newest lists: one, or several equally fresh (same thisUpdate and CRL number).
        let newest: [X509RevocationList]
        var list: X509RevocationList? { newest.first }
        let issuedInTime: Bool
        let firstError: X509RevocationListError?
    }

    /// The status the responses vouch for: revoked when any verified response says so (a
    /// revocation outweighs an older "good"), else good when one says so; `unknown` answers
    /// and responses that fail verification leave the question to the lists.
    private func ocspAnswer(
        for certificate: X509Certificate, issuedBy issuer: X509Certificate, depth: Int, at time: Date
    ) -> X509RevocationStatus? {
        var good: X509OCSPResponse?
        for response in responses {
            let status = try? response.status(
                of: certificate, issuedBy: issuer, at: time, clockSkew: clockSkew,
                acceptsLaterResponses: acceptsLaterLists)
            switch status {
            case .revoked(let date, let reason):
                let entry = X509RevocationList.Entry(
                    serialNumber: certificate.serialNumber, revocationDate: date, reason: reason)
                return X509RevocationStatus(
                    certificate: certificate, depth: depth, list: nil, response: response, failure: .revoked(entry),
                    isFatal: true)
            case .good:
                // An answer too old to vouch for the time asked about is no answer. Its
                // thisUpdate is looked up again only when there is an age to check.
                if maximumAge != nil {
                    guard let answer = response.response(for: certificate, issuedBy: issuer),
                        isFresh(answer.thisUpdate, at: time)
                    else { continue }
                }
                good = good ?? response
            case .unknown, nil:
                continue
            }
        }
        return good.map {
            X509RevocationStatus(
                certificate: certificate, depth: depth, list: nil, response: $0, failure: nil, isFatal: false)
        }
    }

    /// Whether an answer made at `thisUpdate` is recent enough for `time` under ``maximumAge``.
    private func isFresh(_ thisUpdate: Date, at time: Date) -> Bool {
        guard let maximumAge else { return true }
        // Compared as intervals, so a NaN age is never fresh (Date's >= would call it so).
        return time.timeIntervalSince(thisUpdate) <= maximumAge + clockSkew
    }

    /// The most recent lists: latest `thisUpdate`, then highest CRL number; every list tied
    /// for that place, in the order given.
    private static func newest(_ lists: [X509RevocationList]) -> [X509RevocationList] {
        func order(_ lhs: X509RevocationList, _ rhs: X509RevocationList) -> Int {
            if lhs.thisUpdate != rhs.thisUpdate { return lhs.thisUpdate < rhs.thisUpdate ? -1 : 1 }
            return compare(lhs.crlNumber ?? [], rhs.crlNumber ?? [])
        }
        guard let best = lists.max(by: { order($0, $1) < 0 }) else { return [] }
        return lists.filter { order($0, best) == 0 }
    }

    private static func compare(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        if lhs.count != rhs.count { return lhs.count < rhs.count ? -1 : 1 }
        for (left, right) in zip(lhs, rhs) where left != right { return left < right ? -1 : 1 }
        return 0
    }
}

extension VerificationPolicy where Self == X509RevocationPolicy {
    /// ``X509RevocationPolicy``: no certificate below the root is revoked by `lists`.
    public static func notRevoked(
        by lists: [X509RevocationList], responses: [X509OCSPResponse] = [],
        whenNoList: X509RevocationPolicy.Handling = .fail, whenStale: X509RevocationPolicy.Handling = .fail,
        acceptsLaterLists: Bool = false, maximumAge: TimeInterval? = nil
    ) -> Self {
        X509RevocationPolicy(
            lists: lists, responses: responses, whenNoList: whenNoList, whenStale: whenStale,
            acceptsLaterLists: acceptsLaterLists, maximumAge: maximumAge)
    }
}
