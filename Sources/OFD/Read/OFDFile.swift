public import Foundation
public import ZhengwuKitCore
import ZhengwuKitXML

/// An OFD file read safely: the package, `OFD.xml` and each document's `Document.xml`.
/// Pages, annotations, attachments and signatures are read on demand.
///
/// ```swift
/// let file = try OFDFile(contentsOf: url)
/// print(file.documents[0].info.title ?? "", file.documents[0].pages.count)
/// let page = try file.page(file.documents[0].pages[0], of: file.documents[0])
/// ```
public struct OFDFile: Sendable {
    public let package: OFDPackage
    /// `OFD/@Version` (`1.0`, `1.1`, …).
    public let version: String?
    public let docType: String?
    public let documents: [OFDDocument]
    /// Tolerated departures seen while reading (the package's included).
    public let warnings: [VerificationWarning]

    public init(contentsOf url: URL, limits: OFDReadingLimits = .default) throws(OFDError) {
        try self.init(package: OFDPackage(contentsOf: url, limits: limits))
    }

    public init(data: some DataProtocol, limits: OFDReadingLimits = .default) throws(OFDError) {
        try self.init(package: OFDPackage(data: data, limits: limits))
    }

    public init(package: OFDPackage) throws(OFDError) {
        self.package = package
        var warnings = package.warnings
        guard let entry = package.resolve("OFD.xml", from: "") else { throw .missingEntry("OFD.xml") }
        if let warning = entry.warning { warnings.append(warning) }
        let root = try package.xml(at: entry.path)
        guard root.name == "OFD" else {
            throw .malformedPart(entry: entry.path, reason: "the root element is <\(root.name)>, not <ofd:OFD>")
        }
        self.version = root.attribute("Version")
        self.docType = root.attribute("DocType")
        var documents: [OFDDocument] = []
        for body in root.children("DocBody") {
            documents.append(try Self.document(body, package: package, ofdPath: entry.path, warnings: &warnings))
        }
        guard !documents.isEmpty else { throw .malformedPart(entry: entry.path, reason: "no DocBody") }
        self.documents = documents
        self.warnings = warnings
    }

    private static func document(
        _ body: XMLElement, package: OFDPackage, ofdPath: String, warnings: inout [VerificationWarning]
    ) throws(OFDError) -> OFDDocument {
        guard let rootReference = body.child("DocRoot")?.trimmedText, !rootReference.isEmpty else {
            throw .malformedPart(entry: ofdPath, reason: "a DocBody has no DocRoot")
        }
        guard let root = package.resolve(rootReference, from: ofdPath) else { throw .missingEntry(rootReference) }
        if let warning = root.warning { warnings.append(warning) }
        var signatures: String?
        if let reference = body.child("Signatures")?.trimmedText, !reference.isEmpty {
            guard let resolved = package.resolve(reference, from: ofdPath) else { throw .missingEntry(reference) }
            if let warning = resolved.warning { warnings.append(warning) }
            signatures = resolved.path
        }
        let info = documentInfo(body.child("DocInfo"))
        let document = try package.xml(at: root.path)
        guard document.name == "Document" else {
            throw .malformedPart(entry: root.path, reason: "the root element is <\(document.name)>, not <ofd:Document>")
        }
        let common = document.child("CommonData")
        let area = common?.descendant(["PageArea", "PhysicalBox"]).flatMap { OFDBox(parsing: $0.text) }
        var pages: [OFDPageReference] = []
        for page in document.child("Pages")?.children("Page") ?? [] {
            guard let id = page.attribute("ID"), let location = page.attribute("BaseLoc") else {
                throw .malformedPart(entry: root.path, reason: "line \(page.line): a Page lacks ID or BaseLoc")
            }
            guard let resolved = package.resolve(location, from: root.path) else { throw .missingEntry(location) }
            if let warning = resolved.warning { warnings.append(warning) }
            pages.append(OFDPageReference(id: id, path: resolved.path))
        }
        func optional(_ name: String) -> String? {
            guard let reference = document.child(name)?.trimmedText, !reference.isEmpty,
                let resolved = package.resolve(reference, from: root.path)
            else { return nil }
            if let warning = resolved.warning { warnings.append(warning) }
            return resolved.path
        }
        return OFDDocument(
            info: info, rootPath: root.path, signaturesPath: signatures, pages: pages,
            pageArea: area ?? OFDBox(x: 0, y: 0, width: 210, height: 297),
            annotationsPath: optional("Annotations"), attachmentsPath: optional("Attachments"),
            customTagsPath: optional("CustomTags"))
    }

    private static func documentInfo(_ element: XMLElement?) -> OFDDocumentInfo {
        func text(_ name: String) -> String? {
            guard let value = element?.child(name)?.trimmedText, !value.isEmpty else { return nil }
            return value
        }
        let custom = (element?.child("CustomDatas")?.children("CustomData") ?? []).map {
            OFDCustomData(name: $0.attribute("Name") ?? "", value: $0.trimmedText)
        }
        return OFDDocumentInfo(
            documentID: text("DocID"), title: text("Title"), author: text("Author"), subject: text("Subject"),
            creator: text("Creator"), creatorVersion: text("CreatorVersion"), creationDate: text("CreationDate"),
            modificationDate: text("ModDate"), customData: custom)
    }
}
