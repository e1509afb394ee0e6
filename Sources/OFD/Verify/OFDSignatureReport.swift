public import ZhengwuKitCore

/// The report on one signature of an OFD document: the integrity verdict of the files it
/// protects, and every check line (seal lines included) in the house verdict model.
public struct OFDSignatureReport: VerificationReporting, Sendable, Hashable, Codable {
    /// The path of the signature's `Signature.xml` in the package.
    public let signature: String
    /// `Signatures.xml`'s `ID` for it.
    public let id: String
    /// What the signed value is: `GB/T 38540 v4`, `GM/T 0031 v1`, `GB/T 35275 SignedData`, or what was found.
    public let format: String
    public let integrity: OFDIntegrity
    /// Protected files whose bytes no longer match (or that vanished), as package paths.
    public let modifiedFiles: [String]
    /// The files the signature's `References` name, as package paths, whether they still match
    /// or not (empty when `Signature.xml` could not be read): what an intact signature vouches for.
    public let protectedFiles: [String]
    public let checks: [CheckResult<OFDCheck>]
    public let warnings: [VerificationWarning]
    public let mode: VerificationMode
    /// The seal's name (seal signatures) or the signer certificate's subject (SignedData
    /// signatures), when the signed value could be read.
    public let sealName: String?
    public let signingTime: String?

    /// Whether the signature answers yes: its integrity holds (`intact`, or only the signature
    /// list changed by a later seal), and the verdict is trusted (or intact under integrity-only).
    public var isValid: Bool {
        (integrity == .intact || integrity == .signatureListChanged) && verdict.isValid(in: mode)
    }
}

/// The report on every signature of an OFD file.
public struct OFDVerificationReport: Sendable, Hashable, Codable {
    public let signatures: [OFDSignatureReport]
    /// Departures of the package itself (bytes around the zip, path forms).
    public let warnings: [VerificationWarning]
    public let mode: VerificationMode

    /// True when there is at least one signature and every one is valid.
    public var isValid: Bool { !signatures.isEmpty && signatures.allSatisfy(\.isValid) }
}
