import ZhengwuKitXML

/// The schemas of `Specs/elicense`, compiled once from the copies embedded at build time
/// (`Scripts/generate-elicense`; a test holds the copies to the files).
enum LicenceSchemas {
    static let licence: Result<XMLSchema, XMLError> = compile(EmbeddedSpecs.licenceSchema)
    static let catalogue: Result<XMLSchema, XMLError> = compile(EmbeddedSpecs.catalogueSchema)
    static let faces: [String: Result<XMLSchema, XMLError>] = EmbeddedSpecs.faceSchemas.mapValues(compile)

    private static func compile(_ text: String) -> Result<XMLSchema, XMLError> {
        Result { () throws(XMLError) in try XMLSchema(bytes: Array(text.utf8)) }
    }

    /// Validates `bytes` against `schema`, returning the tree or the violations as an error.
    static func validate(
        _ bytes: [UInt8], against schema: Result<XMLSchema, XMLError>?, schemaName: String, document: String
    ) throws(ELicenseError) -> XMLElement {
        guard let schema else {
            throw .schemaViolation(document: document, issues: ["no schema \(schemaName) is embedded"])
        }
        do {
            return try schema.get().validate(bytes, document: document)
        } catch {
            throw ELicenseError(error, document: document)
        }
    }
}

extension ELicenseError {
    /// The licence error for a ZhengwuKitXML refusal.
    init(_ error: XMLError, document: String) {
        switch error {
        case .schemaViolations(_, let issues):
            self = .schemaViolation(document: document, issues: issues.map(\.description))
        case .unreadableSchema(let reason):
            self = .schemaViolation(document: document, issues: ["the schema does not compile: \(reason)"])
        default:
            let line = error.line > 0 ? "line \(error.line): " : ""
            self = .unreadableXML(document: document, reason: line + error.reason)
        }
    }
}
