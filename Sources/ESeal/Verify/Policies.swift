import Foundation
import GMCertificates
import GMCrypto
import ZhengwuKitCore

/// Only seals made by these makers are accepted (by the SM3 fingerprint of the maker's certificate).
public struct TrustedSealMakers: VerificationPolicy {
    public let name = "trustedSealMakers"
    public let fingerprints: Set<[UInt8]>

    public init(_ certificates: [X509Certificate]) {
        self.fingerprints = Set(certificates.map(\.sm3Fingerprint))
    }

    public func evaluate(_ context: SealPolicyContext) -> PolicyResult {
        guard let maker = context.makerCertificate else {
            return .failsToMeetPolicy(
                PolicyFailure(
                    code: "eseal.untrusted_seal_maker", message: "the maker's certificate could not be read",
                    chineseTerm: "制章人不受信任"))
        }
        return fingerprints.contains(maker.sm3Fingerprint)
            ? .meetsPolicy
            : .failsToMeetPolicy(
                PolicyFailure(
                    code: "eseal.untrusted_seal_maker", message: "seal maker \(maker.subject) is not trusted",
                    chineseTerm: "制章人不受信任"))
    }
}

/// Only seals of these types are accepted (1 official 单位印章, 2 personal 个人印章, …).
public struct AllowedSealTypes: VerificationPolicy {
    public let name = "allowedSealTypes"
    public let types: Set<Int>

    public init(_ types: Set<Int>) {
        self.types = types
    }

    public func evaluate(_ context: SealPolicyContext) -> PolicyResult {
        types.contains(context.seal.type)
            ? .meetsPolicy
            : .failsToMeetPolicy(
                PolicyFailure(
                    code: "eseal.seal_type_not_allowed",
                    message: "seal type \(context.seal.type) is not among \(types.sorted())", chineseTerm: "印章类型不符"))
    }
}

/// The signing time (or a seal's creation) must not lie in the future by more than the
/// clock skew allowed between the signer's machine and ours.
public struct ClockSkewPolicy: VerificationPolicy {
    public let name = "clockSkew"
    public let maximumSkew: TimeInterval
    public let now: @Sendable () -> Date

    public init(maximumSkew: TimeInterval, now: @escaping @Sendable () -> Date = { Date() }) {
        self.maximumSkew = maximumSkew
        self.now = now
    }

    public func evaluate(_ context: SealPolicyContext) -> PolicyResult {
        let limit = now().addingTimeInterval(maximumSkew)
        if let time = context.signature?.signingTime, time > limit {
            return .failsToMeetPolicy(
                Self.failure("signing time \(report: time) is later than now plus \(maximumSkew) s"))
        }
        if context.seal.createDate > limit {
            return .failsToMeetPolicy(
                Self.failure("seal creation \(report: context.seal.createDate) lies in the future"))
        }
        return .meetsPolicy
    }

    private static func failure(_ message: String) -> PolicyFailure {
        PolicyFailure(code: "eseal.time_in_future", message: message, chineseTerm: "时间晚于当前时间")
    }
}

/// The strict policy of self-asserted times: the ``SealTimeWarning``s the verifier tolerates
/// by default (a making date before the maker's certificate, …) fail verification instead.
///
/// ```swift
/// SealVerifier(trustAnchors: roots) { StrictSealTimes() }            // every time warning fails
/// SealVerifier(trustAnchors: roots) { StrictSealTimes([.signedBeforeSignerCertificate]) }
/// ```
/// `zwkit seal verify --strict` adds it.
public struct StrictSealTimes: VerificationPolicy {
    public let name = "strictSealTimes"
    /// The warnings refused.
    public let refused: Set<SealTimeWarning>

    public init(_ refused: Set<SealTimeWarning> = Set(SealTimeWarning.allCases)) {
        self.refused = refused
    }

    public func evaluate(_ context: SealPolicyContext) -> PolicyResult {
        let codes = Set(refused.map(\.code))
        let found = context.warnings.filter { codes.contains($0.code) }
        guard let first = found.first else { return .meetsPolicy }
        return .failsToMeetPolicy(
            PolicyFailure(
                code: first.code,
                message: "strict times: " + found.map { "\($0.message) [\($0.code)]" }.joined(separator: "; "),
                chineseTerm: first.chineseTerm))
    }
}
