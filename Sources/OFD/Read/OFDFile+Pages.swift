import ZhengwuKitXML

extension OFDFile {
    /// Reads a page's content: its box and text objects.
    public func page(_ reference: OFDPageReference, of document: OFDDocument) throws(OFDError) -> OFDPage {
        let content = try package.xml(at: reference.path)
        let box = content.descendant(["Area", "PhysicalBox"]).flatMap { OFDBox(parsing: $0.text) }
        let objects = content.descendants("TextObject").compactMap(Self.textObject)
        return OFDPage(
            id: reference.id, path: reference.path, physicalBox: box ?? document.pageArea, textObjects: objects)
    }

    /// Every page of a document, in order.
    public func pages(of document: OFDDocument) throws(OFDError) -> [OFDPage] {
        var pages: [OFDPage] = []
        for reference in document.pages { pages.append(try page(reference, of: document)) }
        return pages
    }

    private static func textObject(_ element: XMLElement) -> OFDTextObject? {
        guard let boundary = element.attribute("Boundary").flatMap(OFDBox.init(parsing:)) else { return nil }
        let size = element.attribute("Size").flatMap(Double.init) ?? 3.5
        let codes = element.children("TextCode").map { code in
            OFDTextCode(
                x: code.attribute("X").flatMap(Double.init) ?? 0, y: code.attribute("Y").flatMap(Double.init) ?? 0,
                deltaX: deltas(code.attribute("DeltaX")), text: code.text)
        }
        return OFDTextObject(id: element.attribute("ID"), boundary: boundary, size: size, codes: codes)
    }

    /// Expands a `DeltaX` list, where `g N v` stands for N copies of v (GB/T 33190 §11.3).
    static func deltas(_ text: String?) -> [Double] {
        guard let text else { return [] }
        let tokens = text.split(whereSeparator: { $0 == " " || $0.isNewline || $0 == "\t" })
        var result: [Double] = []
        var index = 0
        while index < tokens.count, result.count < 100_000 {
            if tokens[index] == "g", index + 2 < tokens.count, let count = Int(tokens[index + 1]),
                let value = Double(tokens[index + 2]), (0...100_000).contains(count)
            {
                result += Array(repeating: value, count: count)
                index += 3
            } else {
                if let value = Double(tokens[index]) { result.append(value) }
                index += 1
            }
        }
        return result
    }

    /// The annotations of a document's pages (`Annotations.xml` and each page's file).
    public func annotations(of document: OFDDocument) throws(OFDError) -> [OFDAnnotation] {
        guard let listPath = document.annotationsPath else { return [] }
        let list = try package.xml(at: listPath)
        var result: [OFDAnnotation] = []
        for page in list.children("Page") {
            let pageID = page.attribute("PageID") ?? ""
            guard let location = page.child("FileLoc")?.trimmedText,
                let resolved = package.resolve(location, from: listPath)
            else { continue }
            let annotations = try package.xml(at: resolved.path)
            for annotation in annotations.children("Annot") {
                result.append(
                    OFDAnnotation(
                        pageID: pageID, id: annotation.attribute("ID"), type: annotation.attribute("Type") ?? "",
                        subtype: annotation.attribute("Subtype"),
                        boundary: annotation.child("Appearance")?.attribute("Boundary").flatMap(OFDBox.init(parsing:))))
            }
        }
        return result
    }

    /// The attachments listed in a document's `Attachments.xml`.
    public func attachments(of document: OFDDocument) throws(OFDError) -> [OFDAttachment] {
        guard let listPath = document.attachmentsPath else { return [] }
        let list = try package.xml(at: listPath)
        return list.children("Attachment").map { element in
            let location = element.child("FileLoc")?.trimmedText ?? ""
            return OFDAttachment(
                id: element.attribute("ID"), name: element.attribute("Name") ?? "", format: element.attribute("Format"),
                creationDate: element.attribute("CreationDate"),
                path: location.isEmpty ? nil : package.resolve(location, from: listPath)?.path,
                declaredSize: element.attribute("Size"))
        }
    }
}
