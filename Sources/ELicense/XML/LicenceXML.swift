import AdminDivision
import Foundation
import ZhengwuKitXML

/// The data XML of a licence (`Specs/elicense/licence.xsd`): written from typed values, read
/// back into them, and validated against the schemas through libxml2 (network and entities off).
///
/// ```swift
/// let xml = try LicenceXML.encode(data)                 // bytes, schema order
/// try LicenceXML.validate(xml, catalogue: .standard)    // licence.xsd, then the type's face schema
/// let back = try LicenceXML.decode(xml)                 // == data
/// ```
public enum LicenceXML {
    /// The XML of `data`, in schema order (the same data always gives the same bytes).
    public static func encode(_ data: LicenceData) throws(ELicenseError) -> [UInt8] {
        try LicenceXMLWriter.document(data)
    }

    /// The face items alone as a `ZMXX` document, what a type's face schema validates.
    public static func encodeFace(_ face: FaceItems) throws(ELicenseError) -> [UInt8] {
        try LicenceXMLWriter.faceDocument(face)
    }

    /// Reads a licence's data XML (safely: size, depth and node limits; DTDs and entities
    /// refused). It checks the shape it needs to build the values, not the schema: call
    /// ``validate(_:catalogue:document:)`` for that.
    public static func decode(_ bytes: some Collection<UInt8>, document: String = "licence data XML")
        throws(ELicenseError) -> LicenceData
    {
        let root: XMLElement
        do {
            root = try SafeXMLParser.parse(bytes, document: document)
        } catch {
            throw ELicenseError(error, document: document)
        }
        return try LicenceXMLReader.data(from: root, document: document)
    }

    /// Validates the data XML against `licence.xsd` and its face items against the schema the
    /// catalogue names for its type. Throws `.schemaViolation` (naming the schema and each
    /// violation's line), `.unknownType`, or `.unreadableXML`.
    public static func validate(
        _ bytes: some Collection<UInt8>, catalogue: LicenceCatalogue = .standard, document: String = "licence data XML"
    ) throws(ELicenseError) {
        let contiguous = Array(bytes)
        let root = try LicenceSchemas.validate(
            contiguous, against: LicenceSchemas.licence, schemaName: "licence.xsd", document: document)
        let typeCode = root.child("ZZLXDM")?.text ?? ""
        let type = try catalogue.type(code: typeCode)
        let face = try LicenceXMLReader.face(from: root, document: document)
        try validateFace(face, type: type, document: document)
    }

    /// Validates face items against `type`'s face schema.
    public static func validateFace(_ face: FaceItems, type: LicenceType, document: String = "licence data XML")
        throws(ELicenseError)
    {
        let bytes = try encodeFace(face)
        _ = try LicenceSchemas.validate(
            bytes, against: LicenceSchemas.faces[type.faceSchemaPath], schemaName: type.faceSchemaPath,
            document: "\(document) ZMXX (\(type.faceSchemaPath))")
    }
}

/// Builds typed values from a parsed data XML tree.
enum LicenceXMLReader {
    static func data(from root: XMLElement, document: String) throws(ELicenseError) -> LicenceData {
        guard root.name == "DZZZ", root.namespace.isEmpty else {
            throw .unreadableXML(document: document, reason: "the root element is <\(root.name)>, not <DZZZ>")
        }
        var values: [String: String] = [:]
        for child in root.children where child.name != "ZMXX" {
            guard child.children.isEmpty else {
                throw .invalidData(field: child.name, reason: "holds elements; a metadata element holds text only")
            }
            guard values.updateValue(child.text, forKey: child.name) == nil else {
                throw .invalidData(field: child.name, reason: "appears twice")
            }
        }
        func required(_ code: String) throws(ELicenseError) -> String {
            guard let value = values[code] else { throw .invalidData(field: code, reason: "is missing") }
            return value
        }
        func date(_ code: String) throws(ELicenseError) -> CalendarDate {
            let text = try required(code)
            guard let date = CalendarDate(iso: text) else {
                throw .invalidData(field: code, reason: "\"\(text)\" is not a date YYYY-MM-DD")
            }
            return date
        }
        func instant(_ code: String) throws(ELicenseError) -> Date? {
            guard let text = values[code] else { return nil }
            guard let date = LicenceTime.parse(text) else {
                throw .invalidData(field: code, reason: "\"\(text)\" is not a time YYYY-MM-DDThh:mm:ss±hh:mm")
            }
            return date
        }
        let codeTypeText = try required("CZZTDMLXDM")
        guard let codeType = HolderCodeType(rawValue: codeTypeText) else {
            throw .invalidData(field: "CZZTDMLXDM", reason: "\"\(codeTypeText)\" is not a three-digit code type")
        }
        let endText = try required("ZZYXQJZRQ")
        guard let end = ValidityEnd(endText) else {
            throw .invalidData(field: "ZZYXQJZRQ", reason: "\"\(endText)\" is neither a date YYYY-MM-DD nor 长期")
        }
        var annotation: Annotation?
        let annotationCodes = ["JZJZZSJ", "JZJZZZ", "JZJZZSY", "JZJYXQJZSJ"]
        let present = annotationCodes.filter { values[$0] != nil }
        if !present.isEmpty {
            guard present.count == 4, let madeAt = try instant("JZJZZSJ"), let expires = try instant("JZJYXQJZSJ")
            else {
                throw .invalidData(
                    field: "JZJ*", reason: "an annotated copy carries all four 加注件 fields, not only \(present)")
            }
            annotation = Annotation(
                madeAt: madeAt, maker: try required("JZJZZZ"), purpose: try required("JZJZZSY"), expires: expires)
        }
        let known = Set(LicenceMetadata.elementNames.map(\.code))
        if let unknown = values.keys.sorted().first(where: { !known.contains($0) }) {
            throw .invalidData(field: unknown, reason: "is no GB/T 36903 metadata element (face items go in ZMXX)")
        }
        let metadata = LicenceMetadata(
            name: try required("ZZMC"), typeCode: try required("ZZLXDM"), number: try required("ZZBH"),
            identifierText: try required("ZZBS"), issuer: try required("ZZBFJG"), issuerCode: try required("ZZBFJGDM"),
            issueDate: try date("ZZBFRQ"), holder: try required("CZZT"), holderCode: try required("CZZTDM"),
            holderCodeTypeName: try required("CZZTDMLX"), holderCodeType: codeType, validFrom: try date("ZZYXQQSRQ"),
            validUntil: end, signer: values["ZZQZR"], signingTime: try instant("ZZQZSJ"), sealName: values["ZZQZMC"],
            annotation: annotation)
        return LicenceData(metadata: metadata, face: try face(from: root, document: document))
    }

    static func face(from root: XMLElement, document: String) throws(ELicenseError) -> FaceItems {
        let faces = root.children("ZMXX")
        guard faces.count == 1, let face = faces.first else {
            throw .invalidData(field: "ZMXX", reason: faces.isEmpty ? "is missing" : "appears \(faces.count) times")
        }
        var items = FaceItems()
        for child in face.children {
            guard child.children.isEmpty else {
                throw .invalidData(field: child.name, reason: "holds elements; a face item holds text only")
            }
            guard items[child.name] == nil else { throw .invalidData(field: child.name, reason: "appears twice") }
            items[child.name] = child.text
        }
        return items
    }
}
