/// What became of the files a signature protects.
public enum OFDIntegrity: String, Sendable, Hashable, Codable {
    /// Every protected file is as signed.
    case intact
    /// A protected file changed (or vanished) after signing; the report names which.
    case modified
    /// Only the document's signature list (`Signatures.xml`) differs, as when a later seal was
    /// added in continue-sign mode: the document itself is as signed.
    case signatureListChanged = "signature-list-changed"
    /// The signature is of a kind or algorithm this library cannot check; the report says why.
    case unsupported
}
