import Foundation
import GMCrypto
import ZhengwuKitCore
internal import ZhengwuKitSupport

/// A certificate revocation list (CRL, RFC 5280 §5): the serial numbers a CA has revoked,
/// signed by that CA, as published by e-government CAs for offline checking.
///
/// ```swift
/// let list = try X509RevocationList(pemRepresentation: crlText)
/// guard list.isValidSignature(issuedBy: caCertificate) else { … }
/// if let entry = list.entry(for: leaf.serialNumber) {
///     print("revoked on \(entry.revocationDate), reason \(entry.reason?.name ?? "unspecified")")
/// }
/// ```
///
/// Every field is read when the value is created. Only complete CRLs are accepted: a delta
/// CRL, an indirect CRL, a CRL scoped by an issuing distribution point and any other
/// critical extension GMCrypto does not process are rejected with
/// ``X509RevocationListError/unsupportedCriticalExtension(oid:)``, because applying such a
/// list as if it were complete would report revoked certificates as good.
public struct X509RevocationList: Sendable {
    /// 1 (no extensions anywhere) or 2.
    public let version: Int
    /// The CA that issued the list; it must also be the issuer of the certificates checked.
    public let issuer: X509Certificate.DistinguishedName
    /// When the list was issued.
    public let thisUpdate: Date
    /// When the next list will be issued at the latest; past it, the list is stale. RFC 5280
    /// requires it, but v1 lists may omit it.
    public let nextUpdate: Date?
    /// The CRL number extension: big-endian magnitude, monotonically increasing per issuer.
    public let crlNumber: [UInt8]?
    /// The `keyIdentifier` of the authority key identifier extension.
    public let authorityKeyIdentifier: [UInt8]?
    /// The revoked certificates, in the order of the list.
    public let entries: [Entry]
    /// Every list extension, in order.
    public let extensions: [X509Certificate.Extension]
    /// The algorithm the issuer signed the list with.
    public let signatureAlgorithm: X509Certificate.SignatureAlgorithm

    let tbsBytes: [UInt8]
    let signature: [UInt8]
    let der: [UInt8]
    /// Serial number → position in `entries`, so a list of 100 000 entries answers in O(1).
    let index: [X509Certificate.SerialNumber: Int]
    let verifiedIssuers: VerifiedIssuers

    /// The list's DER encoding, exactly as it was read or issued.
    public var derRepresentation: Data { Data(der) }

    /// The list as one PEM `X509 CRL` block.
    public var pemRepresentation: String { PEMBlock(label: Self.pemLabel, derBytes: Data(der)).pemString }

    static let pemLabel = "X509 CRL"

    /// The entry revoking `serialNumber`, or `nil` when the list does not name it.
    public func entry(for serialNumber: X509Certificate.SerialNumber) -> Entry? {
        index[serialNumber].map { entries[$0] }
    }

    /// The CRL number in decimal when it fits 64 bits, as `openssl crl -text` prints it,
    /// else in hexadecimal with a `0x` prefix.
    public var crlNumberDescription: String? {
        guard let crlNumber else { return nil }
        if crlNumber.count <= 8 {
            return String(crlNumber.reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        }
        return "0x" + Hex.encode(crlNumber)
    }
}

extension X509RevocationList {
    /// One revoked certificate.
    ///
    /// ```asn1
    /// SEQUENCE { userCertificate CertificateSerialNumber, revocationDate Time,
    ///            crlEntryExtensions Extensions OPTIONAL }
    /// ```
    public struct Entry: Hashable, Sendable {
        public let serialNumber: X509Certificate.SerialNumber
        public let revocationDate: Date
        /// The reason code entry extension; `nil` when absent (which RFC 5280 reads as unspecified).
        public let reason: ReasonCode?
        /// The invalidity date entry extension: when the key is known or suspected to have
        /// been compromised, which may be earlier than ``revocationDate``.
        public let invalidityDate: Date?
        public let extensions: [X509Certificate.Extension]

        public init(
            serialNumber: X509Certificate.SerialNumber, revocationDate: Date, reason: ReasonCode? = nil,
            invalidityDate: Date? = nil, extensions: [X509Certificate.Extension] = []
        ) {
            self.serialNumber = serialNumber
            self.revocationDate = revocationDate
            self.reason = reason
            self.invalidityDate = invalidityDate
            self.extensions = extensions
        }

        /// From when the certificate must be treated as revoked: the earlier of the
        /// revocation and invalidity dates, so a signature made with a key after it was
        /// compromised, but before the CA heard of it, is not accepted.
        public var effectiveDate: Date {
            guard let invalidityDate else { return revocationDate }
            return min(invalidityDate, revocationDate)
        }
    }

    /// `CRLReason` (RFC 5280 §5.3.1); value 7 is unused by the standard.
    public enum ReasonCode: Int, Hashable, Sendable, CaseIterable, CustomStringConvertible {
        case unspecified = 0
        case keyCompromise = 1
        case cACompromise = 2
        case affiliationChanged = 3
        case superseded = 4
        case cessationOfOperation = 5
        case certificateHold = 6
        case removeFromCRL = 8
        case privilegeWithdrawn = 9
        case aACompromise = 10

        /// The RFC 5280 name, e.g. `keyCompromise`.
        public var name: String {
            switch self {
            case .unspecified: return "unspecified"
            case .keyCompromise: return "keyCompromise"
            case .cACompromise: return "cACompromise"
            case .affiliationChanged: return "affiliationChanged"
            case .superseded: return "superseded"
            case .cessationOfOperation: return "cessationOfOperation"
            case .certificateHold: return "certificateHold"
            case .removeFromCRL: return "removeFromCRL"
            case .privilegeWithdrawn: return "privilegeWithdrawn"
            case .aACompromise: return "aACompromise"
            }
        }

        /// The Chinese term an operator reads.
        public var chineseTerm: String {
            switch self {
            case .unspecified: return "未指定"
            case .keyCompromise: return "密钥泄露"
            case .cACompromise: return "CA 密钥泄露"
            case .affiliationChanged: return "隶属关系变更"
            case .superseded: return "证书已被替换"
            case .cessationOfOperation: return "停止运营"
            case .certificateHold: return "证书冻结"
            case .removeFromCRL: return "从 CRL 中移除"
            case .privilegeWithdrawn: return "权限撤销"
            case .aACompromise: return "属性机构密钥泄露"
            }
        }

        public var description: String { name }
    }
}

extension X509RevocationList: Hashable {
    public static func == (lhs: X509RevocationList, rhs: X509RevocationList) -> Bool { lhs.der == rhs.der }
    public func hash(into hasher: inout Hasher) { hasher.combine(der) }
}

extension X509RevocationList: CustomStringConvertible {
    public var description: String {
        "X509RevocationList(issuer: \(issuer), thisUpdate: \(Timestamp.format(thisUpdate)), entries: \(entries.count))"
    }
}

extension X509Certificate.Extension {
    static let crlNumber = "2.5.29.20"
    static let reasonCode = "2.5.29.21"
    static let holdInstructionCode = "2.5.29.23"
    static let invalidityDate = "2.5.29.24"
    static let deltaCRLIndicator = "2.5.29.27"
    static let issuingDistributionPoint = "2.5.29.28"
    static let certificateIssuer = "2.5.29.29"
    static let freshestCRL = "2.5.29.46"
}
