import ZhengwuKitCore

/// Why a piece of XML was refused. Every case names the document (as the caller called
/// it, e.g. a path inside an OFD package) and, where libxml2 knows it, the line.
package enum XMLError: ZhengwuKitError, Equatable {
    /// The document is larger than `XMLLimits.maximumBytes`.
    case tooLarge(document: String, bytes: Int, limit: Int)
    /// Elements nest deeper than `XMLLimits.maximumDepth`.
    case tooDeep(document: String, line: Int, limit: Int)
    /// The document holds more nodes than `XMLLimits.maximumNodes`.
    case tooManyNodes(document: String, line: Int, limit: Int)
    /// A `<!DOCTYPE ...>`: refused outright, since DTDs carry entity expansion and external loads.
    case documentTypeDeclaration(document: String, line: Int)
    /// An entity reference left unexpanded (only possible with a DTD): refused.
    case entityReference(document: String, line: Int, name: String)
    /// libxml2 could not parse the document.
    case malformed(document: String, line: Int, reason: String)
    /// The document parsed but does not conform to the schema.
    case schemaViolations(document: String, issues: [XMLIssue])
    /// The schema itself could not be read or compiled.
    case unreadableSchema(reason: String)

    /// A stable dotted code in the house style (`module.rule`).
    package var code: String {
        switch self {
        case .tooLarge: return "xml.too_large"
        case .tooDeep: return "xml.too_deep"
        case .tooManyNodes: return "xml.too_many_nodes"
        case .documentTypeDeclaration: return "xml.dtd_refused"
        case .entityReference: return "xml.entity_refused"
        case .malformed: return "xml.malformed"
        case .schemaViolations: return "xml.schema_violation"
        case .unreadableSchema: return "xml.unreadable_schema"
        }
    }

    /// An English message saying what, where and what to do.
    package var message: String {
        switch self {
        case .tooLarge(let document, _, _), .schemaViolations(let document, _):
            return "\(document): \(reason)"
        case .tooDeep(let document, let line, _), .tooManyNodes(let document, let line, _),
            .documentTypeDeclaration(let document, let line), .entityReference(let document, let line, _),
            .malformed(let document, let line, _):
            // libxml2 gives line 0 when the failure comes before any line was read (an encoding error).
            return line > 0 ? "\(document) line \(line): \(reason)" : "\(document): \(reason)"
        case .unreadableSchema:
            return reason
        }
    }

    /// The message without the document and line, for callers that name them their own way.
    package var reason: String {
        switch self {
        case .tooLarge(_, let bytes, let limit):
            return "XML of \(bytes) bytes exceeds the limit of \(limit) bytes; refusing to parse it"
        case .tooDeep(_, _, let limit):
            return "elements nest deeper than \(limit) levels; refusing a possibly hostile document"
        case .tooManyNodes(_, _, let limit):
            return "more than \(limit) XML nodes; refusing a possibly hostile document"
        case .documentTypeDeclaration:
            return "a DOCTYPE (DTD) is not allowed here; DTDs can expand entities or load external files"
        case .entityReference(_, _, let name):
            return "entity reference &\(name); refused (no entity expansion)"
        case .malformed(_, _, let reason):
            return "malformed XML: \(reason)"
        case .schemaViolations(_, let issues):
            let first = issues.prefix(3).map { "line \($0.line): \($0.message)" }.joined(separator: "; ")
            return "\(issues.count) schema violation(s): \(first)"
        case .unreadableSchema(let reason):
            return "the XML schema could not be compiled: \(reason)"
        }
    }

    /// The term a Chinese reader of the report looks for.
    package var chineseTerm: String {
        switch self {
        case .tooLarge, .tooDeep, .tooManyNodes: return "XML超出限制"
        case .documentTypeDeclaration, .entityReference: return "XML含不安全声明"
        case .malformed: return "XML格式错误"
        case .schemaViolations: return "XML不符合模式"
        case .unreadableSchema: return "XML模式不可用"
        }
    }

    /// The line the problem was found on, where known (0 otherwise).
    package var line: Int {
        switch self {
        case .tooLarge, .unreadableSchema: return 0
        case .tooDeep(_, let line, _), .tooManyNodes(_, let line, _), .documentTypeDeclaration(_, let line),
            .entityReference(_, let line, _), .malformed(_, let line, _):
            return line
        case .schemaViolations(_, let issues): return issues.first?.line ?? 0
        }
    }
}

/// One message from libxml2 (a schema violation, or a parse error), with its line.
package struct XMLIssue: Sendable, Equatable, CustomStringConvertible {
    package var line: Int
    package var message: String

    package init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    package var description: String { "line \(line): \(message)" }
}
