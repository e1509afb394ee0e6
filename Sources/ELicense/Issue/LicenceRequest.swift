import AdminDivision
import Foundation

/// What an issuer supplies for a new licence: the data JSON of `zwkit license issue --data`
/// and `zwkit license template`. Keys are the GB/T 36903 element codes; `XLH` (顺序号) and `BBH`
/// (版本号, default `001`) make the identifier, unless `ZZBS` gives it whole. The name and type
/// code come from the catalogue, the signer fields from the seal.
///
/// ```json
/// {"ZZBH": "…", "ZZBFJG": "…", "ZZBFJGDM": "…", "ZZBFRQ": "2024-03-01", "CZZT": "…", "CZZTDM": "…",
///  "CZZTDMLXDM": "111", "ZZYXQQSRQ": "2024-03-01", "ZZYXQJZRQ": "长期", "XLH": "20240301000001",
///  "ZMXX": {"KZ_XM": "…"}}
/// ```
public struct LicenceRequest: Sendable, Hashable, Codable {
    public var number: String
    public var issuer: String
    public var issuerCode: String
    public var issueDate: String
    public var holder: String
    public var holderCode: String
    public var holderCodeType: String
    public var validFrom: String
    public var validUntil: String
    public var serial: String?
    public var version: String?
    public var identifier: String?
    /// The face items by `KZ_` code (`ZMXX`); empty when they are given typed
    /// (``LicenceIssuer/prepare(_:face:at:)``).
    public var face: [String: String]

    enum CodingKeys: String, CodingKey {
        case number = "ZZBH"
        case issuer = "ZZBFJG"
        case issuerCode = "ZZBFJGDM"
        case issueDate = "ZZBFRQ"
        case holder = "CZZT"
        case holderCode = "CZZTDM"
        case holderCodeType = "CZZTDMLXDM"
        case validFrom = "ZZYXQQSRQ"
        case validUntil = "ZZYXQJZRQ"
        case serial = "XLH"
        case version = "BBH"
        case identifier = "ZZBS"
        case face = "ZMXX"
    }

    public init(
        number: String, issuer: String, issuerCode: String, issueDate: String, holder: String, holderCode: String,
        holderCodeType: String, validFrom: String, validUntil: String, serial: String? = nil,
        version: String? = nil, identifier: String? = nil, face: [String: String] = [:]
    ) {
        self.number = number
        self.issuer = issuer
        self.issuerCode = issuerCode
        self.issueDate = issueDate
        self.holder = holder
        self.holderCode = holderCode
        self.holderCodeType = holderCodeType
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.serial = serial
        self.version = version
        self.identifier = identifier
        self.face = face
    }

    /// Reads the data JSON, naming the field that is missing or mistyped.
    public init(json: some Collection<UInt8>) throws(ELicenseError) {
        do {
            self = try JSONDecoder().decode(LicenceRequest.self, from: Data(json))
        } catch let DecodingError.keyNotFound(key, _) {
            throw .invalidData(field: key.stringValue, reason: "is missing from the data JSON")
        } catch let DecodingError.typeMismatch(_, context) {
            throw .invalidData(
                field: context.codingPath.map(\.stringValue).joined(separator: "."), reason: "must be a string")
        } catch let DecodingError.valueNotFound(_, context) {
            throw .invalidData(
                field: context.codingPath.map(\.stringValue).joined(separator: "."), reason: "must not be null")
        } catch {
            throw .invalidData(field: "(data JSON)", reason: "not a JSON object of licence fields")
        }
    }

    /// The data JSON of the catalogue's example for `type` (`Specs/elicense/examples/`), as the
    /// template command prints it.
    public static func exampleJSON(for type: LicenceType) -> String? {
        EmbeddedSpecs.examples[type.faceSchemaPath]
    }

    /// The licence data for `type`: dates read, the identifier built (or checked when given
    /// whole), the face items put into schema order. Nothing here judges the content: the
    /// issuer runs the verifier's content checks on the result.
    public func data(for type: LicenceType) throws(ELicenseError) -> LicenceData {
        func date(_ text: String, _ field: String) throws(ELicenseError) -> CalendarDate {
            guard let date = CalendarDate(iso: text) else {
                throw .invalidData(field: field, reason: "\"\(text)\" is not a date YYYY-MM-DD")
            }
            return date
        }
        guard let codeType = HolderCodeType(rawValue: holderCodeType) else {
            throw .invalidData(field: "CZZTDMLXDM", reason: "\"\(holderCodeType)\" is not a three-digit code type")
        }
        guard let end = ValidityEnd(validUntil) else {
            throw .invalidData(field: "ZZYXQJZRQ", reason: "\"\(validUntil)\" is neither a date YYYY-MM-DD nor 长期")
        }
        let licenceIdentifier: LicenceIdentifier
        do {
            if let identifier {
                licenceIdentifier = try LicenceIdentifier(parsing: identifier, strictness: .strict)
            } else {
                guard let serial else {
                    throw ELicenseError.invalidData(
                        field: "XLH", reason: "give the serial (XLH) for the identifier, or the identifier (ZZBS) whole"
                    )
                }
                licenceIdentifier = try LicenceIdentifier(
                    typeCode: type.code, issuerCode: issuerCode, serial: serial, version: version ?? "001")
            }
        } catch let error as LicenceIdentifierError {
            throw .invalidIdentifier(error)
        } catch let error as ELicenseError {
            throw error
        } catch {
            throw .invalidData(field: "ZZBS", reason: "\(error)")
        }
        let metadata = LicenceMetadata(
            name: type.name, typeCode: type.code, number: number, identifier: licenceIdentifier, issuer: issuer,
            issuerCode: issuerCode, issueDate: try date(issueDate, "ZZBFRQ"), holder: holder, holderCode: holderCode,
            holderCodeType: codeType, validFrom: try date(validFrom, "ZZYXQQSRQ"), validUntil: end)
        let items = face.sorted { $0.key < $1.key }.map { (code: $0.key, value: $0.value) }
        return LicenceData(metadata: metadata, face: FaceItems(items).ordered(for: type))
    }
}
