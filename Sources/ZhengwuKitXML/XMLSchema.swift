internal import CZhengwuKitXML2

/// A compiled W3C XML Schema (XSD) to validate untrusted documents against.
///
/// The compiled schema is read-only once built; each validation makes its own libxml2
/// validation context with its own structured error handler, so one `XMLSchema` can be
/// shared between threads.
package final class XMLSchema: @unchecked Sendable {
    private let schema: xmlSchemaPtr

    /// Compiles a schema held in memory (it must not `xs:include` or `xs:import` by relative path).
    package convenience init(bytes: some Collection<UInt8>) throws(XMLError) {
        let contiguous = Array(bytes)
        let schema = try contiguous.withUnsafeBufferPointer { buffer throws(XMLError) -> xmlSchemaPtr in
            guard let base = buffer.baseAddress, !buffer.isEmpty, buffer.count <= Int(Int32.max) else {
                throw .unreadableSchema(reason: "the schema is empty")
            }
            let pointer = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            return try Self.compile(xmlSchemaNewMemParserCtxt(pointer, Int32(buffer.count)))
        }
        self.init(compiled: schema)
    }

    /// Compiles a schema file; relative `xs:include`/`xs:import` resolve beside it.
    package convenience init(path: String) throws(XMLError) {
        self.init(compiled: try Self.compile(xmlSchemaNewParserCtxt(path)))
    }

    private init(compiled: xmlSchemaPtr) {
        self.schema = compiled
    }

    deinit {
        xmlSchemaFree(schema)
    }

    private static func compile(_ context: xmlSchemaParserCtxtPtr?) throws(XMLError) -> xmlSchemaPtr {
        guard let context else { throw .unreadableSchema(reason: "libxml2 could not start a schema parser") }
        defer { xmlSchemaFreeParserCtxt(context) }
        let collector = XMLErrorCollector()
        let opaque = Unmanaged.passUnretained(collector).toOpaque()
        xmlSchemaSetParserStructuredErrors(context, XMLErrorCollector.callback, opaque)
        let schema = withExtendedLifetime(collector) { xmlSchemaParse(context) }
        guard let schema else {
            let reason = collector.issues.map(\.description).joined(separator: "; ")
            throw .unreadableSchema(reason: reason.isEmpty ? "unknown schema error" : reason)
        }
        return schema
    }

    /// Validates an untrusted document: first parsed safely (limits, DTD refused, no
    /// network), then checked against the schema. Returns the element tree when it conforms;
    /// throws `.schemaViolations` naming each violation and its line otherwise.
    package func validate(
        _ bytes: some Collection<UInt8>, document: String, limits: XMLLimits = .default
    ) throws(XMLError) -> XMLElement {
        let contiguous = Array(bytes)
        let tree = try SafeXMLParser.parse(contiguous, document: document, limits: limits)
        let issues = contiguous.withUnsafeBufferPointer { buffer in
            validateParsed(buffer)
        }
        if let issues, !issues.isEmpty {
            throw .schemaViolations(document: document, issues: issues)
        }
        if issues == nil {
            throw .malformed(document: document, line: 0, reason: "libxml2 could not build the document for validation")
        }
        return tree
    }

    /// Runs libxml2's validator over bytes already known to be safe and well formed;
    /// `nil` when the document could not be built.
    private func validateParsed(_ buffer: UnsafeBufferPointer<UInt8>) -> [XMLIssue]? {
        guard let base = buffer.baseAddress else { return nil }
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let pointer = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        let collector = XMLErrorCollector()
        let parsed = collector.capturingThreadErrors { xmlReadMemory(pointer, Int32(buffer.count), nil, nil, options) }
        guard let document = parsed else { return nil }
        defer { xmlFreeDoc(document) }
        guard let context = xmlSchemaNewValidCtxt(schema) else { return nil }
        defer { xmlSchemaFreeValidCtxt(context) }
        let opaque = Unmanaged.passUnretained(collector).toOpaque()
        xmlSchemaSetValidStructuredErrors(context, XMLErrorCollector.callback, opaque)
        let status = collector.capturingThreadErrors { xmlSchemaValidateDoc(context, document) }
        if status == 0 { return [] }
        if collector.issues.isEmpty {
            return [XMLIssue(line: 0, message: "validation failed (libxml2 status \(status))")]
        }
        return collector.issues
    }
}
