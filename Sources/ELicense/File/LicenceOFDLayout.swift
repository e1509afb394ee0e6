import Foundation
import GMCrypto
internal import ZhengwuKitSupport
import ZhengwuKitXML

/// The files of an unsealed licence OFD (GB/T 33190): one A4 page showing the face items and
/// the main metadata, the metadata again in `DocInfo/CustomDatas` (one `CustomData` per element
/// code), and the data XML as the attachment `licence.xml`.
enum LicenceOFDLayout {
    /// The attachment's name and its path in the package.
    static let attachmentName = "licence.xml"
    static let attachmentPath = "Doc_0/Attachs/licence.xml"
    static let namespace = "http://www.ofdspec.org/2016"

    /// Where the issuer's seal goes: over the issuer's name, bottom right (mm).
    static let sealPosition = (x: 132.0, y: 228.0)
    static let sealSize = 40.0

    static func files(for data: LicenceData, type: LicenceType, xml: [UInt8]) -> [(path: String, bytes: [UInt8])] {
        let digest = Hex.encode(SM3.hash(data: xml).bytes.prefix(16))
        let page = PageLayout(data: data, type: type)
        return [
            ("OFD.xml", ofdXML(data, documentID: digest)),
            ("Doc_0/Document.xml", documentXML(maxID: page.nextID + 1)),
            ("Doc_0/PublicRes.xml", publicResXML()),
            ("Doc_0/Pages/Page_0/Content.xml", page.contentXML()),
            ("Doc_0/Attachs/Attachments.xml", attachmentsXML(data, size: xml.count, id: page.nextID + 1)),
            (attachmentPath, xml),
        ]
    }

    private static func ofdXML(_ data: LicenceData, documentID: String) -> [UInt8] {
        var text =
            header
            + "<ofd:OFD xmlns:ofd=\"\(namespace)\" Version=\"1.1\" DocType=\"OFD\">\n<ofd:DocBody>\n<ofd:DocInfo>\n"
        text += "<ofd:DocID>\(documentID)</ofd:DocID>\n"
        text += "<ofd:Title>\(escape(data.metadata.name))</ofd:Title>\n"
        text += "<ofd:Author>\(escape(data.metadata.issuer))</ofd:Author>\n"
        text += "<ofd:CreationDate>\(data.metadata.issueDate)</ofd:CreationDate>\n"
        text += "<ofd:Creator>ZhengwuKit</ofd:Creator>\n<ofd:CustomDatas>\n"
        for (code, value) in data.metadata.elements {
            text += "<ofd:CustomData Name=\"\(code)\">\(escape(value))</ofd:CustomData>\n"
        }
        text += "</ofd:CustomDatas>\n</ofd:DocInfo>\n<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>\n"
        text += "</ofd:DocBody>\n</ofd:OFD>\n"
        return Array(text.utf8)
    }

    private static func documentXML(maxID: Int) -> [UInt8] {
        let text =
            header
            + "<ofd:Document xmlns:ofd=\"\(namespace)\">\n<ofd:CommonData>\n<ofd:MaxUnitID>\(maxID)</ofd:MaxUnitID>\n"
            + "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>\n"
            + "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>\n</ofd:CommonData>\n"
            + "<ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages>\n"
            + "<ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>\n</ofd:Document>\n"
        return Array(text.utf8)
    }

    private static func publicResXML() -> [UInt8] {
        Array(
            (header + "<ofd:Res xmlns:ofd=\"\(namespace)\" BaseLoc=\"Res\">\n<ofd:Fonts>"
                + "<ofd:Font ID=\"2\" FontName=\"SimSun\" FamilyName=\"宋体\"/></ofd:Fonts>\n</ofd:Res>\n").utf8)
    }

    private static func attachmentsXML(_ data: LicenceData, size: Int, id: Int) -> [UInt8] {
        let kilobytes = String(format: "%.3f", Double(size) / 1024)
        let text =
            header + "<ofd:Attachments xmlns:ofd=\"\(namespace)\">\n"
            + "<ofd:Attachment ID=\"\(id)\" Name=\"\(attachmentName)\" Format=\"xml\" "
            + "CreationDate=\"\(data.metadata.issueDate)\" Size=\"\(kilobytes)\" Visible=\"false\">"
            + "<ofd:FileLoc>\(attachmentName)</ofd:FileLoc></ofd:Attachment>\n</ofd:Attachments>\n"
        return Array(text.utf8)
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }
}

/// The page: the licence name as a title, each face item as `label：value` (wrapped), then the
/// number, issuer, dates, identifier and, for an annotated copy, its purpose and expiry.
private struct PageLayout {
    private(set) var objects: [String] = []
    private(set) var nextID = 4

    init(data: LicenceData, type: LicenceType) {
        var y = 22.0
        add(data.metadata.name, x: 20, y: &y, size: 9, width: 170)
        y += 6
        for (code, value) in data.face.items {
            let label = type.faceField(code)?.label ?? code
            add("\(label)：\(value.replacingOccurrences(of: "\n", with: " "))", x: 22, y: &y, size: 4.5, width: 166)
        }
        y += 4
        let metadata = data.metadata
        add("证照编号：\(metadata.number)", x: 22, y: &y, size: 3.5, width: 166)
        add("持证主体：\(metadata.holder)", x: 22, y: &y, size: 3.5, width: 166)
        add("有效期限：\(metadata.validFrom) 至 \(metadata.validUntil)", x: 22, y: &y, size: 3.5, width: 166)
        add("证照标识：\(metadata.identifierText)", x: 22, y: &y, size: 2.8, width: 166)
        if let annotation = metadata.annotation {
            y += 4
            add("加注件：\(annotation.purpose)", x: 22, y: &y, size: 4, width: 166)
            add("加注件有效期至：\(LicenceTime.format(annotation.expires))", x: 22, y: &y, size: 4, width: 166)
        }
        var bottom = 240.0
        add(metadata.issuer, x: 120, y: &bottom, size: 5, width: 70)
        add("\(metadata.issueDate)", x: 130, y: &bottom, size: 4.5, width: 60)
    }

    /// Adds a text object per line of `text` wrapped to `width` mm, advancing `y`.
    private mutating func add(_ text: String, x: Double, y: inout Double, size: Double, width: Double) {
        let perLine = max(1, Int(width / size))
        var remaining = Substring(text)
        repeat {
            let line = remaining.prefix(perLine)
            remaining = remaining.dropFirst(line.count)
            let boundary = "\(format(x)) \(format(y)) \(format(width)) \(format(size * 1.4))"
            objects.append(
                "<ofd:TextObject ID=\"\(nextID)\" Boundary=\"\(boundary)\" Font=\"2\" Size=\"\(format(size))\">"
                    + "<ofd:TextCode X=\"0\" Y=\"\(format(size))\">\(LicenceOFDLayout.escape(String(line)))</ofd:TextCode>"
                    + "</ofd:TextObject>")
            nextID += 1
            y += size * 1.6
        } while !remaining.isEmpty
    }

    func contentXML() -> [UInt8] {
        let text =
            LicenceOFDLayout.header + "<ofd:Page xmlns:ofd=\"\(LicenceOFDLayout.namespace)\">\n<ofd:Content>\n"
            + "<ofd:Layer ID=\"3\">\n" + objects.joined(separator: "\n")
            + "\n</ofd:Layer>\n</ofd:Content>\n</ofd:Page>\n"
        return Array(text.utf8)
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}
