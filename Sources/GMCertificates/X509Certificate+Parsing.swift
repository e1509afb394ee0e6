import Foundation
import GMCrypto

extension X509Certificate {
    /// Reads a DER-encoded certificate. The bytes must be exactly one certificate:
    /// truncated input and trailing bytes are errors, not silently accepted.
    public init<Bytes: DataProtocol>(derRepresentation: Bytes) throws(X509Error) {
        let der = Array(derRepresentation)
        let (envelope, tbs) = try X509Envelope.read(der: der)
        self = try X509Reader(der: der, envelope: envelope, tbs: tbs).certificate()
    }

    /// Reads the single certificate of a PEM `CERTIFICATE` block. Use
    /// ``certificates(pemBundle:)`` for a file holding several.
    public init(pemRepresentation: String) throws(X509Error) {
        let blocks = try X509PEM.decodeAll(pemRepresentation)
        guard blocks.count == 1 else {
            throw .malformedPEM("expected one certificate, found \(blocks.count); read it as a bundle")
        }
        try self.init(derRepresentation: blocks[0])
    }

    /// Reads every certificate of a PEM bundle (a chain file, a CA list), in order.
    public static func certificates(pemBundle: String) throws(X509Error) -> [X509Certificate] {
        var certificates: [X509Certificate] = []
        for der in try X509PEM.decodeAll(pemBundle) {
            certificates.append(try X509Certificate(derRepresentation: der))
        }
        return certificates
    }
}
