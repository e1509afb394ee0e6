import Foundation
internal import ZhengwuKitSupport

/// Adds one signature to the first document of a package in the layout of GB/T 33190 §18
/// (`Signs/Sign_N/Signature.xml` and its signed value, listed in `Signs/Signatures.xml`),
/// whatever makes the signed value: ``OFDSealer`` (a seal, `Type="Seal"`) and
/// ``OFDDigitalSigner`` (a GB/T 35275 SignedData, `Type="Sign"`) share it.
///
/// The first signature protects every file of the package, the signature list included. A
/// document that already carries signatures gets one in continue-sign mode: it protects
/// everything but the signature list, which each later signature has to change.
struct SignatureAppender {
    struct Parts {
        var replaced: [String: [UInt8]]
        var added: [(String, [UInt8])]
    }

    /// `Seal` or `Sign` (`Signatures.xml`'s `Type`).
    var type: String
    var stamps: [StampLayout.Stamp]
    /// The seal file (`Seal.esl`) to store and protect, for a seal signature.
    var seal: [UInt8]?

    /// The parts to replace and add; `sign` receives the finished `Signature.xml` and the
    /// path it will have (`/Doc_0/Signs/Sign_N/Signature.xml`) and returns the signed value.
    func append(
        to file: OFDFile, at time: Date, sign: ([UInt8], String) throws(OFDError) -> [UInt8]
    ) throws(OFDError) -> Parts {
        guard let document = file.documents.first else { throw .missingEntry("a document (OFD.xml DocBody)") }
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
        let sealPath = seal.map { _ in folder + "/Seal.esl" }
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
        entries.append(.init(id: String(id), type: type, baseLocation: "/" + signaturePath))
        let list = SignatureXMLWriter.signatures(maximumID: id + stamps.count, entries: entries)
        // What this signature protects: every file, new ones included, but its own
        // Signature.xml and signed value; in continue-sign mode also not the signature list.
        var references: [(path: String, digest: [UInt8])] = []
        for entry in file.package.entries where entry.path != listPath {
            if let bytes = replaced[entry.path] {
                references.append((entry.path, SM3Stream.hash(bytes)))
            } else {
                references.append((entry.path, try file.package.sm3(at: entry.path)))
            }
        }
        if !continuing { references.append((listPath, SM3Stream.hash(list))) }
        if let sealPath, let seal { references.append((sealPath, SM3Stream.hash(seal))) }
        let signatureXML = SignatureXMLWriter.signature(
            provider: "ZhengwuKit", version: "1.0", dateTime: Self.dateTime(time),
            references: .init(files: references), stamps: stamps, firstStampID: id + 1, sealPath: sealPath,
            signedValuePath: valuePath)
        let value = try sign(signatureXML, "/" + signaturePath)
        var added: [(String, [UInt8])] = []
        if document.signaturesPath == nil {
            added.append((listPath, list))
        } else {
            replaced[listPath] = list
        }
        added.append((signaturePath, signatureXML))
        if let sealPath, let seal { added.append((sealPath, seal)) }
        added.append((valuePath, value))
        return Parts(replaced: replaced, added: added)
    }

    /// `yyyyMMddHHmmss` in UTC, proleptic Gregorian in every year like every time the package
    /// writes (a `DateFormatter` turns Julian before 1582).
    static func dateTime(_ time: Date) -> String {
        // Four-digit years only (the signed value's own GeneralizedTime refuses the others).
        let range = ASN1Time.writableSeconds
        let seconds = time.timeIntervalSince1970.rounded(.down)
        let clamped =
            range.contains(seconds) ? seconds : (seconds > range.upperBound ? range.upperBound : range.lowerBound)
        let civil = CivilTime(secondsSince1970: Int64(clamped))
        return [civil.day.year, civil.day.month, civil.day.day, civil.hours, civil.minutes, civil.seconds]
            .enumerated().map { ZeroPadding.decimal($0.element, width: $0.offset == 0 ? 4 : 2) }.joined()
    }
}
