import Foundation
internal import ZhengwuKitSupport
import ZhengwuKitXML

/// Writes the signature parts GB/T 33190 §18 lays out: `Signatures.xml` and `Signature.xml`.
enum SignatureXMLWriter {
    static let header = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    static let namespace = "http://www.ofdspec.org/2016"

    struct Entry {
        var id: String
        var type: String
        var baseLocation: String
    }

    static func signatures(maximumID: Int, entries: [Entry]) -> [UInt8] {
        var xml = header + #"<ofd:Signatures xmlns:ofd="\#(namespace)">"#
        xml += "<ofd:MaxSignId>\(maximumID)</ofd:MaxSignId>"
        for entry in entries {
            xml +=
                #"<ofd:Signature ID="\#(esc(entry.id))" Type="\#(esc(entry.type))" BaseLoc="\#(esc(entry.baseLocation))"/>"#
        }
        xml += "</ofd:Signatures>"
        return Array(xml.utf8)
    }

    struct References {
        var files: [(path: String, digest: [UInt8])]
    }

    static func signature(
        provider: String, version: String, dateTime: String, references: References, stamps: [StampLayout.Stamp],
        firstStampID: Int, sealPath: String?, signedValuePath: String
    ) -> [UInt8] {
        var xml = header + #"<ofd:Signature xmlns:ofd="\#(namespace)"><ofd:SignedInfo>"#
        xml += #"<ofd:Provider ProviderName="\#(esc(provider))" Company="ZhengwuKit" Version="\#(esc(version))"/>"#
        xml += "<ofd:SignatureMethod>1.2.156.10197.1.501</ofd:SignatureMethod>"
        xml += "<ofd:SignatureDateTime>\(esc(dateTime))</ofd:SignatureDateTime>"
        xml += #"<ofd:References CheckMethod="1.2.156.10197.1.401">"#
        for file in references.files {
            xml += #"<ofd:Reference FileRef="/\#(esc(file.path))">"#
            xml += "<ofd:CheckValue>\(Data(file.digest).base64EncodedString())</ofd:CheckValue></ofd:Reference>"
        }
        xml += "</ofd:References>"
        for (index, stamp) in stamps.enumerated() {
            xml += #"<ofd:StampAnnot ID="\#(firstStampID + index)" PageRef="\#(esc(stamp.pageID))""#
            xml += #" Boundary="\#(stamp.boundary)""#
            if let clip = stamp.clip { xml += #" Clip="\#(clip)""# }
            xml += "/>"
        }
        if let sealPath { xml += "<ofd:Seal><ofd:BaseLoc>/\(esc(sealPath))</ofd:BaseLoc></ofd:Seal>" }
        xml += "</ofd:SignedInfo><ofd:SignedValue>/\(esc(signedValuePath))</ofd:SignedValue></ofd:Signature>"
        return Array(xml.utf8)
    }

    /// `OFD.xml` with a `<ofd:Signatures>` reference added to the first `DocBody`, when it has none.
    static func addingSignatures(to ofdXML: [UInt8], path: String) throws(OFDError) -> [UInt8] {
        guard let text = String(bytes: ofdXML, encoding: .utf8) else {
            throw .malformedPart(entry: "OFD.xml", reason: "not UTF-8; cannot add the signature list")
        }
        guard let (open, end) = closingDocBody(in: text) else {
            throw .malformedPart(entry: "OFD.xml", reason: "no </DocBody> to add the signature list to")
        }
        let prefix = String(text[open.upperBound..<end.lowerBound])  // "ofd:" or ""
        let element = "<\(prefix)Signatures>/\(esc(path))</\(prefix)Signatures>"
        var result = text
        result.insert(contentsOf: element, at: open.lowerBound)
        return Array(result.utf8)
    }

    /// The first closing `</prefix:DocBody>` tag: where `</` starts and where `DocBody>` starts.
    private static func closingDocBody(in text: String) -> (Range<String.Index>, Range<String.Index>)? {
        var searchStart = text.startIndex
        while let end = text.range(of: "DocBody>", options: .literal, range: searchStart..<text.endIndex) {
            let before = text[..<end.lowerBound]
            if let open = before.range(of: "</", options: [.literal, .backwards]),
                text[open.upperBound..<end.lowerBound].allSatisfy({
                    $0.isLetter || $0.isNumber || $0 == ":" || $0 == "_"
                })
            {
                return (open, end)
            }
            searchStart = end.upperBound
        }
        return nil
    }

    private static func esc(_ text: String) -> String { MarkupEscaping.escape(text) }
}
