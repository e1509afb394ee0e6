import ESeal
import ZhengwuKitCore

/// Why an electronic-licence operation failed. Every case says what and where; `code` is a
/// stable `elicense.rule` string, `chineseTerm` the standard's term.
public enum ELicenseError: ZhengwuKitError, Hashable {
    /// The type code is not in the catalogue.
    case unknownType(String)
    /// A field of the licence data is missing or wrong (`field` is its element code, e.g. `CZZTDM`).
    case invalidData(field: String, reason: String)
    /// The licence identifier is wrong.
    case invalidIdentifier(LicenceIdentifierError)
    /// XML that could not be read (hostile, malformed or not a licence); `document` names it.
    case unreadableXML(document: String, reason: String)
    /// XML that does not conform to its schema; each issue names a line.
    case schemaViolation(document: String, issues: [String])
    /// A status list that could not be read or made.
    case invalidStatusList(String)
    /// An OFD licence file that could not be read, written or sealed.
    case invalidLicenceFile(String)
    /// Signing or sealing failed (the seal, key or certificate did not fit).
    case signing(String)
    /// A value the caller passed is out of range (an empty purpose, an expiry in the past…).
    case invalidParameter(String)
    /// An annotated copy 加注件 was asked of a body that is not the licence's issuer.
    case annotatorNotIssuer(annotator: String, issuer: String, issuerCode: String)
    /// Typed face items (``LicenceFace``) of one type met a licence of another: `licenceType`
    /// is the licence's type code (`ZZLXDM`), `faceType` the face type's.
    case faceTypeMismatch(licenceType: String, faceType: String)
    /// A face item does not convert to its typed property (missing, not a date, a number or
    /// a valid code, or not an item of the type at all); `field` is its `KZ_` code.
    case invalidFaceItem(field: String, reason: String)

    /// A stable dotted code (`elicense.rule`).
    public var code: String {
        switch self {
        case .unknownType: return "elicense.unknown_type"
        case .invalidData: return "elicense.invalid_data"
        case .invalidIdentifier(let error): return error.code
        case .unreadableXML: return "elicense.unreadable_xml"
        case .schemaViolation: return "elicense.schema_violation"
        case .invalidStatusList: return "elicense.status_list"
        case .invalidLicenceFile: return "elicense.licence_file"
        case .signing: return "elicense.signing"
        case .invalidParameter: return "elicense.invalid_parameter"
        case .annotatorNotIssuer: return "elicense.annotator_not_issuer"
        case .faceTypeMismatch: return "elicense.face_type_mismatch"
        case .invalidFaceItem: return "elicense.face_item"
        }
    }

    /// The standard's term.
    public var chineseTerm: String {
        switch self {
        case .unknownType: return "证照类型未登记"
        case .invalidData: return "证照数据错误"
        case .invalidIdentifier(let error): return error.chineseTerm
        case .unreadableXML: return "证照数据无法读取"
        case .schemaViolation: return "不符合证照数据模式"
        case .invalidStatusList: return "证照状态列表错误"
        case .invalidLicenceFile: return "证照文件错误"
        case .signing: return "签章失败"
        case .invalidParameter: return "参数错误"
        case .annotatorNotIssuer: return "加注机构不是颁发机构"
        case .faceTypeMismatch: return "照面信息与证照类型不符"
        case .invalidFaceItem: return "照面信息项错误"
        }
    }

    /// What is wrong and what to do, in English.
    public var message: String {
        switch self {
        case .unknownType(let code):
            return "licence type \(code) is not in the catalogue; `zwkit license types` lists the registered types"
        case .invalidData(let field, let reason):
            return "\(field): \(reason)"
        case .invalidIdentifier(let error):
            return "licence identifier (ZZBS): \(error.message)"
        case .unreadableXML(let document, let reason):
            return "\(document): \(reason)"
        case .schemaViolation(let document, let issues):
            return "\(document) does not conform to its schema: " + issues.prefix(5).joined(separator: "; ")
        case .invalidStatusList(let reason):
            return "status list: \(reason)"
        case .invalidLicenceFile(let reason):
            return "licence file: \(reason)"
        case .signing(let reason):
            return "sealing the licence failed: \(reason)"
        case .invalidParameter(let reason):
            return reason
        case .annotatorNotIssuer(let annotator, let issuer, let issuerCode):
            return
                "\(annotator) is not the issuer of this licence (\(issuer), \(issuerCode)): only the issuing body makes "
                + "an annotated copy; sign with the issuer's seal and certificate (its key, its code or its name)"
        case .faceTypeMismatch(let licenceType, let faceType):
            return
                "the licence is of type \(Self.typeDescription(licenceType)) but the face items are those of "
                + "\(Self.typeDescription(faceType)): use the face type whose typeCode is the licence's ZZLXDM, "
                + "or the untyped items (LicenceData.face)"
        case .invalidFaceItem(let field, let reason):
            return "face item \(field) (照面信息): \(reason)"
        }
    }

    /// `11100000MB0143028R001 (营业执照)`, or the bare code for a type the catalogue lacks.
    static func typeDescription(_ code: String) -> String {
        LicenceCatalogue.standard.types.first { $0.code == code }.map { "\(code) (\($0.name))" } ?? code
    }

    static func sealing(_ error: ESealError) -> ELicenseError { .signing("\(error)") }
}
