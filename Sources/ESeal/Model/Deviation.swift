/// A way a seal or signature departs from the standard that real implementations
/// produce and that ESeal therefore accepts, reporting it as a warning.
public struct Deviation: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// A signature stored as raw 64-byte r‖s instead of DER `SEQUENCE { r, s }`.
        case rawSignatureValue
        /// `critical FALSE` encoded although DER omits a DEFAULT value.
        case explicitDefaultCritical
        /// A certificate's algorithm identifier carries NULL parameters.
        case nullAlgorithmParameters
        /// Lengths or other encodings that BER allows and DER does not.
        case nonDEREncoding
        /// A date in the other time type than the version prescribes (UTCTime in v4, GeneralizedTime in v1).
        case timeEncoding
        /// A header that does not say what the structure is ("ES", the version).
        case headerMismatch
    }

    public let kind: Kind
    /// Which field, as a path such as `SESeal.eSealInfo.extDatas[0].critical`.
    public let location: String

    public init(_ kind: Kind, at location: String) {
        self.kind = kind
        self.location = location
    }

    public var description: String {
        switch kind {
        case .rawSignatureValue: return "\(location): signature stored as raw r‖s, not DER"
        case .explicitDefaultCritical: return "\(location): critical FALSE encoded explicitly (not DER)"
        case .nullAlgorithmParameters: return "\(location): algorithm identifier with NULL parameters"
        case .nonDEREncoding: return "\(location): BER encoding where DER is required"
        case .timeEncoding: return "\(location): time in the other ASN.1 time type than the version prescribes"
        case .headerMismatch: return "\(location): header does not match the structure"
        }
    }
}
