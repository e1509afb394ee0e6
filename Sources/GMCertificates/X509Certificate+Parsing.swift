import Foundation
import GMCrypto
internal import ZhengwuKitSupport

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
        let blocks = try Self.certificateBlocks(pemRepresentation)
        guard blocks.count == 1 else {
            throw .malformedPEM("expected one certificate, found \(blocks.count); read it as a bundle")
        }
        try self.init(derRepresentation: blocks[0])
    }

    /// Reads every certificate of a PEM bundle (a chain file, a CA list), in order.
    public static func certificates(pemBundle: String) throws(X509Error) -> [X509Certificate] {
        var certificates: [X509Certificate] = []
        for der in try Self.certificateBlocks(pemBundle) {
            certificates.append(try X509Certificate(derRepresentation: der))
        }
        return certificates
    }

    /// The DER of every `CERTIFICATE` block of `text` (RFC 7468 §5), in order; a block of any
    /// other label (a key, a CSR) is refused rather than skipped.
    private static func certificateBlocks(_ text: String) throws(X509Error) -> [[UInt8]] {
        let blocks: [PEMBlock]
        do {
            blocks = try PEMBlock.blocks(in: text)
        } catch .noBlock {
            throw .malformedPEM("no -----BEGIN CERTIFICATE----- block found")
        } catch {
            throw .malformedPEM(error.description)
        }
        if let other = blocks.first(where: { $0.label != "CERTIFICATE" }) {
            throw .unexpectedPEMLabel(other.label)
        }
        return blocks.map { Array($0.derBytes) }
    }
}
