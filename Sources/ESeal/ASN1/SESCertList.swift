import SwiftASN1

/// The certificates whose holders may sign with a seal: whole certificates, or digests.
///
/// ```asn1
/// SES_CertList ::= CHOICE {
///     certs          CertInfoList,
///     certDigestList CertDigestList
/// }
/// CertInfoList   ::= SEQUENCE OF cert OCTET STRING      -- DER X.509 certificates
/// CertDigestList ::= SEQUENCE OF CertDigestObj
/// ```
/// Both alternatives are SEQUENCEs, so the encoding alone cannot tell them apart: the
/// property info's `certListType` (1 or 2) selects one.
public enum SESCertList: Hashable, Sendable {
    case certificates([[UInt8]])
    case certificateDigests([CertDigestObj])

    /// The `certListType` value that announces this alternative.
    public var listType: Int {
        switch self {
        case .certificates: return 1
        case .certificateDigests: return 2
        }
    }

    /// Parses the alternative that `listType` announces.
    public init(derEncoded node: ASN1Node, listType: Int) throws {
        switch listType {
        case 1:
            let certs = try DER.sequence(of: ASN1OctetString.self, identifier: .sequence, rootNode: node)
            self = .certificates(certs.map { Array($0.bytes) })
        case 2:
            self = .certificateDigests(try DER.sequence(of: CertDigestObj.self, identifier: .sequence, rootNode: node))
        default:
            throw ASN1Error.invalidASN1Object(reason: "certListType \(listType) is neither 1 (certs) nor 2 (digests)")
        }
    }

    public func serialize(into coder: inout DER.Serializer) throws {
        switch self {
        case .certificates(let certs):
            try coder.serializeSequenceOf(certs.map { ASN1OctetString(contentBytes: $0[...]) })
        case .certificateDigests(let digests):
            try coder.serializeSequenceOf(digests)
        }
    }
}
