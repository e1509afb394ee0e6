import Foundation
import SwiftASN1
internal import ZhengwuKitSupport

/// A time field that GB/T 38540 encodes as GeneralizedTime and GM/T 0031 as UTCTime.
///
/// Real v1 seals sometimes carry GeneralizedTime where UTCTime is due; both are read and
/// the encoding seen is kept, so the verifier can report the deviation and a re-encoding
/// reproduces the original bytes.
public enum SESTime: Hashable, Sendable {
    case generalized(GeneralizedTime)
    case utc(UTCTime)

    /// The instant this time denotes.
    public var date: Date {
        switch self {
        case .generalized(let time): return ASN1Time.date(time)
        case .utc(let time): return ASN1Time.date(time)
        }
    }

    /// Whether the field is a GeneralizedTime (the v4 form).
    public var isGeneralizedTime: Bool {
        if case .generalized = self { return true }
        return false
    }
}

extension SESTime: DERParseable, DERSerializable {
    public init(derEncoded node: ASN1Node) throws {
        switch node.identifier {
        case GeneralizedTime.defaultIdentifier: self = .generalized(try GeneralizedTime(derEncoded: node))
        case UTCTime.defaultIdentifier: self = .utc(try UTCTime(derEncoded: node))
        default: throw ASN1Error.unexpectedFieldType(node.identifier)
        }
    }

    public func serialize(into coder: inout DER.Serializer) throws {
        switch self {
        case .generalized(let time): try coder.serialize(time)
        case .utc(let time): try coder.serialize(time)
        }
    }
}
