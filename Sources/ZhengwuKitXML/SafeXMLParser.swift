internal import CZhengwuKitXML2

/// Parses untrusted XML into an `XMLElement` tree: network access off, no entity
/// substitution, no DTD loading, and any DOCTYPE refused outright; size, depth and node
/// count bounded by `XMLLimits`. Errors are typed and carry the line.
package enum SafeXMLParser {
    /// Parses `bytes`, naming the document `document` in every error.
    package static func parse(
        _ bytes: some Collection<UInt8>, document: String, limits: XMLLimits = .default
    ) throws(XMLError) -> XMLElement {
        let contiguous = Array(bytes)
        return try contiguous.withUnsafeBufferPointer { buffer throws(XMLError) -> XMLElement in
            try parse(buffer: buffer, document: document, limits: limits)
        }
    }

    /// Parses a buffer the caller already holds.
    package static func parse(
        buffer: UnsafeBufferPointer<UInt8>, document: String, limits: XMLLimits = .default
    ) throws(XMLError) -> XMLElement {
        guard buffer.count <= limits.maximumBytes, buffer.count <= Int(Int32.max) else {
            throw .tooLarge(document: document, bytes: buffer.count, limit: limits.maximumBytes)
        }
        // Defence in depth: a DTD is refused before libxml2 reads its internal subset
        // (where parameter entities would already be expanded).
        if let offset = firstDeclaration(in: buffer) {
            throw .documentTypeDeclaration(document: document, line: lineNumber(at: offset, in: buffer))
        }
        guard let base = buffer.baseAddress, !buffer.isEmpty else {
            throw .malformed(document: document, line: 0, reason: "the document is empty")
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)
        let pointer = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        guard let reader = xmlReaderForMemory(pointer, Int32(buffer.count), nil, nil, options) else {
            throw .malformed(document: document, line: 0, reason: "libxml2 could not start a reader")
        }
        defer { xmlFreeTextReader(reader) }
        let collector = XMLErrorCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, XMLErrorCollector.callback, context)
        defer { xmlTextReaderSetStructuredErrorHandler(reader, nil, nil) }
        return try collector.capturingThreadErrors { () throws(XMLError) -> XMLElement in
            var builder = TreeBuilder(reader: reader, document: document, limits: limits, collector: collector)
            return try builder.build()
        }
    }

    /// Offset of the first `<!DOCTYPE` or `<!ENTITY` in the buffer, if any.
    private static func firstDeclaration(in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        let doctype = Array("<!DOCTYPE".utf8)
        let entity = Array("<!ENTITY".utf8)
        var index = 0
        let count = buffer.count
        while index + 1 < count {
            if buffer[index] == UInt8(ascii: "<"), buffer[index + 1] == UInt8(ascii: "!") {
                if matches(doctype, at: index, in: buffer) || matches(entity, at: index, in: buffer) {
                    return index
                }
            }
            index += 1
        }
        return nil
    }

    private static func matches(_ needle: [UInt8], at offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset + needle.count <= buffer.count else { return false }
        for (index, byte) in needle.enumerated() where buffer[offset + index] != byte { return false }
        return true
    }

    private static func lineNumber(at offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        for index in 0..<offset where buffer[index] == UInt8(ascii: "\n") { line += 1 }
        return line
    }
}

/// Walks an `xmlTextReader` once, building the element tree on a stack.
private struct TreeBuilder {
    let reader: xmlTextReaderPtr
    let document: String
    let limits: XMLLimits
    let collector: XMLErrorCollector
    /// The namespace URI of the previous element or attribute that had one. Nearly every
    /// element of a part shares one namespace, and its URI is too long for a String to hold
    /// inline: reusing the String saves an allocation (and its release) per element.
    private var lastNamespace = ""

    init(reader: xmlTextReaderPtr, document: String, limits: XMLLimits, collector: XMLErrorCollector) {
        self.reader = reader
        self.document = document
        self.limits = limits
        self.collector = collector
    }

    mutating func build() throws(XMLError) -> XMLElement {
        var stack: [XMLElement] = []
        var root: XMLElement?
        var nodes = 0
        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 { break }
            if status < 0 { throw failure() }
            nodes += 1
            let line = currentLine()
            if nodes > limits.maximumNodes {
                throw .tooManyNodes(document: document, line: line, limit: limits.maximumNodes)
            }
            switch UInt32(xmlTextReaderNodeType(reader)) {
            case XML_READER_TYPE_ELEMENT.rawValue:
                let depth = Int(xmlTextReaderDepth(reader)) + 1
                if depth > limits.maximumDepth {
                    throw .tooDeep(document: document, line: line, limit: limits.maximumDepth)
                }
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                var element = XMLElement(
                    name: string(xmlTextReaderConstLocalName(reader)),
                    namespace: namespace(xmlTextReaderConstNamespaceUri(reader)),
                    line: line)
                element.attributes = try attributes(line: line, nodes: &nodes)
                if isEmpty {
                    close(element, stack: &stack, root: &root)
                } else {
                    stack.append(element)
                }
            case XML_READER_TYPE_END_ELEMENT.rawValue:
                guard let element = stack.popLast() else { throw failure() }
                close(element, stack: &stack, root: &root)
            case XML_READER_TYPE_TEXT.rawValue, XML_READER_TYPE_CDATA.rawValue,
                XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue, XML_READER_TYPE_WHITESPACE.rawValue:
                if !stack.isEmpty {
                    stack[stack.count - 1].text += string(xmlTextReaderConstValue(reader))
                }
            case XML_READER_TYPE_DOCUMENT_TYPE.rawValue:
                throw .documentTypeDeclaration(document: document, line: line)
            case XML_READER_TYPE_ENTITY_REFERENCE.rawValue, XML_READER_TYPE_ENTITY.rawValue:
                throw .entityReference(document: document, line: line, name: string(xmlTextReaderConstName(reader)))
            default:
                break  // comments, processing instructions, the XML declaration
            }
        }
        if let fatal = collector.fatal {
            throw .malformed(document: document, line: fatal.line, reason: fatal.message)
        }
        guard let root, stack.isEmpty else {
            throw .malformed(document: document, line: 0, reason: "the document has no complete root element")
        }
        return root
    }

    /// Takes `element` by value so that it moves into its parent instead of being copied.
    private func close(_ element: consuming XMLElement, stack: inout [XMLElement], root: inout XMLElement?) {
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }

    private mutating func attributes(line: Int, nodes: inout Int) throws(XMLError) -> [XMLAttribute] {
        var result: [XMLAttribute] = []
        guard xmlTextReaderHasAttributes(reader) == 1 else { return result }
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            nodes += 1
            if nodes > limits.maximumNodes {
                throw .tooManyNodes(document: document, line: line, limit: limits.maximumNodes)
            }
            if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
            result.append(
                XMLAttribute(
                    name: string(xmlTextReaderConstLocalName(reader)),
                    namespace: namespace(xmlTextReaderConstNamespaceUri(reader)),
                    value: string(xmlTextReaderConstValue(reader))))
        }
        _ = xmlTextReaderMoveToElement(reader)
        return result
    }

    /// The line of the node the reader is on (the parser itself may have read ahead).
    private func currentLine() -> Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = Int(xmlGetLineNo(node))
            if line > 0 { return line }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    private func failure() -> XMLError {
        let issue =
            collector.fatal ?? XMLIssue(line: Int(xmlTextReaderGetParserLineNumber(reader)), message: "parse error")
        return .malformed(document: document, line: issue.line, reason: issue.message)
    }

    private mutating func namespace(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        // Compared by content, not by pointer: the reader frees nodes as it goes, so a
        // pointer alone could name different bytes later.
        let same = lastNamespace.withCString { last in
            last.withMemoryRebound(to: xmlChar.self, capacity: 1) { xmlStrEqual($0, pointer) == 1 }
        }
        if !same { lastNamespace = String(cString: pointer) }
        return lastNamespace
    }

    private func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
