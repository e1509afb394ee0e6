import Foundation
import GMCrypto

/// An OCSP response (RFC 6960) read offline: a CA's (or its delegated responder's) signed
/// statement that a certificate is good, revoked or unknown, as saved beside a signed
/// document or obtained earlier. GMCrypto sends no requests; it verifies responses.
///
/// ```swift
/// let response = try X509OCSPResponse(derRepresentation: bytes)
/// switch try response.status(of: leaf, issuedBy: ca, at: signingTime) {
/// case .good: print("good")
/// case .revoked(let date, let reason): print("revoked on \(date), \(reason?.name ?? "no reason")")
/// case .unknown: print("the responder does not know the certificate")
/// }
/// ```
///
/// Only successful responses are values: one with an error status throws
/// ``X509OCSPError/unsuccessful(_:)`` when read.
public struct X509OCSPResponse: Sendable {
    /// When the responder signed the response.
    public let producedAt: Date
    public let responderID: ResponderID
    public let responses: [SingleResponse]
    /// Certificates the responder sent, normally its own delegated certificate.
    public let certificates: [X509Certificate]
    public let signatureAlgorithm: X509Certificate.SignatureAlgorithm
    /// Every `responseExtensions` entry (a nonce, typically).
    public let extensions: [X509Certificate.Extension]

    let tbsBytes: [UInt8]
    let signature: [UInt8]
    let der: [UInt8]

    /// The response's DER encoding, exactly as it was read.
    public var derRepresentation: Data { Data(der) }

    /// `OCSPResponseStatus` (RFC 6960 §4.2.1); value 4 is unused.
    public enum ResponseStatus: Int, Hashable, Sendable {
        case successful = 0
        case malformedRequest = 1
        case internalError = 2
        case tryLater = 3
        case signatureRequired = 5
        case unauthorized = 6
    }

    /// Who signed the response: by name, or by the SHA-1 of its public key (RFC 6960 §4.2.1).
    public enum ResponderID: Hashable, Sendable {
        case byName(X509Certificate.DistinguishedName)
        case byKey([UInt8])
    }

    /// The answer about one certificate.
    public struct SingleResponse: Hashable, Sendable {
        public let certID: CertID
        public let status: CertificateStatus
        public let thisUpdate: Date
        public let nextUpdate: Date?
    }

    /// Names a certificate by hashes of its issuer's name and key, and its serial number.
    public struct CertID: Hashable, Sendable {
        /// The dotted OID of the hash algorithm (SHA-1, SHA-256 or SM3).
        public let hashAlgorithm: String
        public let issuerNameHash: [UInt8]
        public let issuerKeyHash: [UInt8]
        public let serialNumber: X509Certificate.SerialNumber
    }

    public enum CertificateStatus: Hashable, Sendable {
        case good
        case revoked(at: Date, reason: X509RevocationList.ReasonCode?)
        case unknown
    }
}

extension X509OCSPResponse: Hashable {
    public static func == (lhs: X509OCSPResponse, rhs: X509OCSPResponse) -> Bool { lhs.der == rhs.der }
    public func hash(into hasher: inout Hasher) { hasher.combine(der) }
}
