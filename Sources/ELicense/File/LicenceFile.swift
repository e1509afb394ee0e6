import Foundation
import OFD

/// A licence OFD file as read: the OFD package, the attached data XML and the metadata of
/// `DocInfo/CustomDatas`. Reading checks only what is needed to find them; ``LicenceVerifier``
/// judges them.
///
/// ```swift
/// let file = try LicenceFile(data: bytes)
/// let data = try LicenceXML.decode(file.dataXML)
/// file.customData["ZZBS"]     // the identifier as DocInfo states it
/// ```
public struct LicenceFile: Sendable {
    /// The OFD file (GB/T 33190), read safely by the OFD module.
    public let ofd: OFDFile
    /// The attached data XML (`licence.xml`), bytes as stored.
    public let dataXML: [UInt8]
    /// Its path in the package.
    public let dataXMLPath: String
    /// The first document's `CustomData` entries, by name.
    public let customData: [String: String]

    /// Reads an OFD licence held in memory.
    public init(data: some DataProtocol) throws(ELicenseError) {
        let file: OFDFile
        do {
            file = try OFDFile(data: data)
        } catch {
            throw .invalidLicenceFile("not a readable OFD file: \(error.message)")
        }
        try self.init(file)
    }

    /// Reads an OFD licence file.
    public init(contentsOf url: URL) throws(ELicenseError) {
        let file: OFDFile
        do {
            file = try OFDFile(contentsOf: url)
        } catch {
            throw .invalidLicenceFile("\(url.path): not a readable OFD file: \(error.message)")
        }
        try self.init(file)
    }

    /// Finds the data XML and metadata of an OFD file already read.
    public init(_ file: OFDFile) throws(ELicenseError) {
        guard let document = file.documents.first else {
            throw .invalidLicenceFile("the OFD file holds no document")
        }
        let attachments: [OFDAttachment]
        do {
            attachments = try file.attachments(of: document)
        } catch {
            throw .invalidLicenceFile("its attachment list cannot be read: \(error.message)")
        }
        let candidates = attachments.filter { $0.name == LicenceOFDLayout.attachmentName }
        guard candidates.count == 1, let path = candidates[0].path else {
            throw .invalidLicenceFile(
                candidates.isEmpty
                    ? "no attachment named \(LicenceOFDLayout.attachmentName) (the licence data XML)"
                    : "\(candidates.count) attachments are named \(LicenceOFDLayout.attachmentName)")
        }
        do {
            self.dataXML = try file.package.data(at: path)
        } catch {
            throw .invalidLicenceFile("\(path): \(error.message)")
        }
        var custom: [String: String] = [:]
        for item in document.info.customData {
            guard custom.updateValue(item.value, forKey: item.name) == nil else {
                throw .invalidLicenceFile("DocInfo lists CustomData \(item.name) twice")
            }
        }
        self.ofd = file
        self.dataXMLPath = path
        self.customData = custom
    }
}
