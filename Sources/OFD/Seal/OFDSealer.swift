public import ESeal
public import Foundation

/// Seals OFD documents (签章) in the layout of GB/T 33190 §18: a `Signs/Sign_N/` folder holding
/// `Signature.xml`, the seal (`Seal.esl`) and the signed value (`SignedValue.dat`, a GB/T 38540
/// `SES_Signature` whose `dataHash` is SM3 of `Signature.xml`), listed in `Signs/Signatures.xml`.
///
/// The first seal protects every file of the package, the signature list included. Sealing a
/// document that already carries signatures adds a seal in continue-sign mode: it protects
/// everything but the signature list, which each later seal has to change.
///
/// ```swift
/// let sealer = OFDSealer(seal: seal, signer: try SealSigner(privateKey: key, certificate: certificate))
/// try sealer.seal(contentsOf: input, to: output, placement: .keyword("某某市人民政府"))
/// ```
public struct OFDSealer: Sendable {
    public let seal: ElectronicSeal
    public let signer: SealSigner

    public init(seal: ElectronicSeal, signer: SealSigner) {
        self.seal = seal
        self.signer = signer
    }

    /// Seals the file at `input`, writing the result to `output` (which may be the same file:
    /// it is replaced only once the new package is complete).
    public func seal(
        contentsOf input: URL, to output: URL, placement: OFDSealPlacement, size: OFDSealSize? = nil,
        at time: Date = Date()
    ) throws(OFDError) {
        let file = try OFDFile(contentsOf: input)
        let parts = try prepare(file, placement: placement, size: size, at: time)
        try PackageWriter.write(source: file.package, replacing: parts.replaced, adding: parts.added, to: output)
    }

    /// Seals a package held in memory and returns the new package's bytes.
    public func seal(
        _ file: OFDFile, placement: OFDSealPlacement, size: OFDSealSize? = nil, at time: Date = Date()
    ) throws(OFDError) -> Data {
        let parts = try prepare(file, placement: placement, size: size, at: time)
        return try PackageWriter.data(source: file.package, replacing: parts.replaced, adding: parts.added)
    }

    private func prepare(
        _ file: OFDFile, placement: OFDSealPlacement, size: OFDSealSize?, at time: Date
    ) throws(OFDError) -> SignatureAppender.Parts {
        guard let document = file.documents.first else { throw .missingEntry("a document (OFD.xml DocBody)") }
        let printed = size ?? OFDSealSize(width: Double(seal.picture.width), height: Double(seal.picture.height))
        guard printed.width.isFinite, printed.height.isFinite, (1...1000).contains(printed.width),
            (1...1000).contains(printed.height)
        else {
            throw .invalidParameter("seal size \(printed.width)×\(printed.height) mm is outside 1…1000 mm")
        }
        let stamps = try StampLayout.stamps(for: placement, size: printed, file: file, document: document)
        let appender = SignatureAppender(type: "Seal", stamps: stamps, seal: seal.derRepresentation)
        return try appender.append(to: file, at: time) { (signatureXML, propertyInfo) throws(OFDError) in
            do {
                return try signer.sign(seal: seal, data: .bytes(signatureXML), propertyInfo: propertyInfo, at: time)
                    .derRepresentation
            } catch {
                throw .signing("\(error)")
            }
        }
    }
}
