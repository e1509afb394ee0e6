import Foundation
import GMCertificates
import GMCrypto

/// Only seals made by these makers are accepted (by the SM3 fingerprint of the maker's certificate).
public struct TrustedSealMakers: SealPolicy {
    public let name = "trustedSealMakers"
    public let fingerprints: Set<[UInt8]>

    public init(_ certificates: [X509Certificate]) {
        self.fingerprints = Set(certificates.map(\.sm3Fingerprint))
    }

    public func evaluate(_ context: SealPolicyContext) -> SealPolicyResult {
        guard let maker = context.makerCertificate else {
            return .failsToMeetPolicy(reason: "the maker's certificate could not be read")
        }
        return fingerprints.contains(maker.sm3Fingerprint)
            ? .meetsPolicy : .failsToMeetPolicy(reason: "seal maker \(maker.subject) is not trusted")
    }
}

/// Only seals of these types are accepted (1 official 单位印章, 2 personal 个人印章, …).
public struct AllowedSealTypes: SealPolicy {
    public let name = "allowedSealTypes"
    public let types: Set<Int>

    public init(_ types: Set<Int>) {
        self.types = types
    }

    public func evaluate(_ context: SealPolicyContext) -> SealPolicyResult {
        types.contains(context.seal.type)
            ? .meetsPolicy
            : .failsToMeetPolicy(reason: "seal type \(context.seal.type) is not among \(types.sorted())")
    }
}

/// The signing time (or a seal's creation) must not lie in the future by more than the
/// clock skew allowed between the signer's machine and ours.
public struct ClockSkewPolicy: SealPolicy {
    public let name = "clockSkew"
    public let maximumSkew: TimeInterval
    public let now: @Sendable () -> Date

    public init(maximumSkew: TimeInterval, now: @escaping @Sendable () -> Date = { Date() }) {
        self.maximumSkew = maximumSkew
        self.now = now
    }

    public func evaluate(_ context: SealPolicyContext) -> SealPolicyResult {
        let limit = now().addingTimeInterval(maximumSkew)
        if let time = context.signature?.signingTime, time > limit {
            return .failsToMeetPolicy(reason: "signing time \(report: time) is later than now plus \(maximumSkew) s")
        }
        if context.seal.createDate > limit {
            return .failsToMeetPolicy(reason: "seal creation \(report: context.seal.createDate) lies in the future")
        }
        return .meetsPolicy
    }
}
