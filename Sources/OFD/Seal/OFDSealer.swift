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

    private struct Parts {
        var replaced: [String: [UInt8]]
        var added: [(String, [UInt8])]
    }

    private func prepare(
        _ file: OFDFile, placement: OFDSealPlacement, size: OFDSealSize?, at time: Date
    ) throws(OFDError) -> Parts {
        let document = file.documents[0]
        let printed = size ?? OFDSealSize(width: Double(seal.picture.width), height: Double(seal.picture.height))
        guard printed.width.isFinite, printed.height.isFinite, (1...1000).contains(printed.width),
            (1...1000).contains(printed.height)
        else {
            throw .invalidParameter("seal size \(printed.width)×\(printed.height) mm is outside 1…1000 mm")
        }
        let stamps = try StampLayout.stamps(for: placement, size: printed, file: file, document: document)
        let existing = try file.signatureEntries(of: document)
        let continuing = !existing.isEmpty
        let documentFolder = PackagePath.folder(of: document.rootPath)
        let listPath =
            document.signaturesPath ?? PackagePath.join(documentFolder, "Signs/Signatures.xml")
            ?? "Signs/Signatures.xml"
        let signsFolder = PackagePath.folder(of: listPath)
        var number = existing.count
        while file.package.entries.contains(where: {
            $0.path.hasPrefix(PackagePath.join(signsFolder, "Sign_\(number)/") ?? "")
        }) {
            number += 1
        }
        let folder = PackagePath.join(signsFolder, "Sign_\(number)") ?? "Sign_\(number)"
        let signaturePath = folder + "/Signature.xml"
        let sealPath = folder + "/Seal.esl"
        let valuePath = folder + "/SignedValue.dat"
        let id = try file.maximumSignatureID(of: document) + 1
        var replaced: [String: [UInt8]] = [:]
        if document.signaturesPath == nil {
            let ofdPath = file.package.resolve("OFD.xml", from: "")?.path ?? "OFD.xml"
            replaced[ofdPath] = try SignatureXMLWriter.addingSignatures(
                to: file.package.data(at: ofdPath), path: listPath)
        }
        var entries = existing.map {
            SignatureXMLWriter.Entry(id: $0.id, type: $0.type, baseLocation: $0.baseLocation)
        }
        entries.append(.init(id: String(id), type: "Seal", baseLocation: "/" + signaturePath))
        let list = SignatureXMLWriter.signatures(maximumID: id + stamps.count, entries: entries)
        let sealBytes = seal.derRepresentation
        // What this seal protects: every file, new ones included, but its own Signature.xml and
        // signed value; in continue-sign mode also not the signature list.
        var references: [(path: String, digest: [UInt8])] = []
        for entry in file.package.entries where entry.path != listPath {
            if let bytes = replaced[entry.path] {
                references.append((entry.path, SM3Stream.hash(bytes)))
            } else {
                references.append((entry.path, try file.package.sm3(at: entry.path)))
            }
        }
        if !continuing { references.append((listPath, SM3Stream.hash(list))) }
        references.append((sealPath, SM3Stream.hash(sealBytes)))
        let signatureXML = SignatureXMLWriter.signature(
            provider: "ZhengwuKit", version: "1.0", dateTime: Self.dateTime(time),
            references: .init(files: references), stamps: stamps, firstStampID: id + 1, sealPath: sealPath,
            signedValuePath: valuePath)
        let signed: ElectronicSignature
        do {
            signed = try signer.sign(
                seal: seal, data: .bytes(signatureXML), propertyInfo: "/" + signaturePath, at: time)
        } catch {
            throw .signing("\(error)")
        }
        var added: [(String, [UInt8])] = []
        if document.signaturesPath == nil {
            added.append((listPath, list))
        } else {
            replaced[listPath] = list
        }
        added += [(signaturePath, signatureXML), (sealPath, sealBytes), (valuePath, signed.derRepresentation)]
        return Parts(replaced: replaced, added: added)
    }

    static func dateTime(_ time: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss"
        return formatter.string(from: time)
    }
}
