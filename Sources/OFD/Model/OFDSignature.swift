public import ZhengwuKitCore

/// An entry of a `Signatures.xml` list (GB/T 33190 §18.1).
public struct OFDSignatureEntry: Sendable, Hashable, Codable {
    public var id: String
    /// `Seal` (an electronic seal signature, GB/T 38540) or `Sign` (a plain signature, GB/T 35275).
    public var type: String
    /// The package path of the `Signature.xml`, resolved.
    public var path: String
    /// `BaseLoc` as written.
    public var baseLocation: String
}

/// A `Signature.xml` (GB/T 33190 §18.2): what a signature protects and where its value is.
public struct OFDSignature: Sendable, Hashable, Codable {
    /// The package path of this `Signature.xml`.
    public var path: String
    public var providerName: String?
    public var providerCompany: String?
    public var providerVersion: String?
    /// `SignatureMethod` as written (an OID such as `1.2.156.10197.1.501`, SM3withSM2).
    public var signatureMethod: String?
    public var signatureDateTime: String?
    /// `References/@CheckMethod` as written (`SM3`, `1.2.156.10197.1.401`, or absent).
    public var checkMethod: String?
    public var references: [OFDReference]
    public var stampAnnotations: [OFDStampAnnotation]
    /// The package path of the seal file (`Seal/BaseLoc`), when given and present.
    public var sealPath: String?
    /// The package path of the signed value (`SignedValue`).
    public var signedValuePath: String?
    /// `SignedValue` as written.
    public var signedValueReference: String
    /// Path-form departures seen while resolving the references.
    public var warnings: [VerificationWarning]
}

/// A reference: a file the signature protects, and the digest recorded for it.
public struct OFDReference: Sendable, Hashable, Codable {
    /// `FileRef` as written.
    public var fileReference: String
    /// The package path it resolves to; `nil` when the package lacks the file.
    public var path: String?
    /// The recorded digest (`CheckValue`, base64-decoded); `nil` when it is not base64.
    public var checkValue: [UInt8]?
}

/// A `StampAnnot`: where the seal's picture shows.
public struct OFDStampAnnotation: Sendable, Hashable, Codable {
    public var id: String
    public var pageRef: String
    public var boundary: OFDBox
    /// The visible part of the picture, relative to the boundary (cross-page seals).
    public var clip: OFDBox?
}
