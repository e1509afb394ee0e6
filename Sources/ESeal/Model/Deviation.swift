import ZhengwuKitCore

/// A way a seal or signature departs from the standard that real implementations
/// produce and that ESeal therefore accepts, reporting it as a ``VerificationWarning``
/// (``warning``) with a stable code.
public struct Deviation: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
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

        /// The warning's stable code (`eseal.raw_signature_value`, …).
        public var code: String {
            switch self {
            case .rawSignatureValue: return "eseal.raw_signature_value"
            case .explicitDefaultCritical: return "eseal.explicit_default_critical"
            case .nullAlgorithmParameters: return "eseal.null_algorithm_parameters"
            case .nonDEREncoding: return "eseal.non_der_encoding"
            case .timeEncoding: return "eseal.time_encoding"
            case .headerMismatch: return "eseal.header_mismatch"
            }
        }

        public var chineseTerm: String {
            switch self {
            case .rawSignatureValue: return "签名值非DER编码"
            case .explicitDefaultCritical: return "默认值显式编码"
            case .nullAlgorithmParameters: return "算法参数为NULL"
            case .nonDEREncoding: return "非DER编码"
            case .timeEncoding: return "时间类型不符"
            case .headerMismatch: return "头信息不符"
            }
        }
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

    /// The deviation in the one warning shape reports carry.
    public var warning: VerificationWarning {
        VerificationWarning(code: kind.code, message: description, chineseTerm: kind.chineseTerm)
    }
}
