import Foundation
import GMCrypto
internal import ZhengwuKitSupport

extension X509RevocationList {
    /// Reads a DER-encoded list. The bytes must be exactly one `CertificateList`: truncated
    /// input and trailing bytes are errors, as are extensions GMCrypto cannot honour.
    public init<Bytes: DataProtocol>(derRepresentation: Bytes) throws(X509RevocationListError) {
        self = try X509RevocationListReader.read(Array(derRepresentation))
    }

    /// Reads the list of a PEM `X509 CRL` block (the first one, when the text holds several).
    public init(pemRepresentation: String) throws(X509RevocationListError) {
        let document: PEMBlock
        do {
            document = try PEMBlock(parsing: pemRepresentation, expecting: [Self.pemLabel])
        } catch {
            throw .malformedPEM(error.description)
        }
        try self.init(derRepresentation: document.derBytes)
    }

    /// Reads a list given as PEM text or as DER bytes, whichever `bytes` holds: CAs publish
    /// both, often under the same `.crl` extension.
    public init<Bytes: DataProtocol>(pemOrDERRepresentation bytes: Bytes) throws(X509RevocationListError) {
        let array = Array(bytes)
        if array.first != 0x30, let text = String(validating: array, as: UTF8.self), text.contains("-----BEGIN") {
            try self.init(pemRepresentation: text)
        } else {
            try self.init(derRepresentation: array)
        }
    }
}
