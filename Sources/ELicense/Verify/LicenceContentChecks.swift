import AdminDivision
import CitizenID
import CreditCode
import Foundation
import ZhengwuKitCore

/// The checks of a licence's content, which need neither the file nor the seal: schemas,
/// identifier, codes, dates, catalogue, annotation. The issuer runs them before sealing, the
/// verifier after reading.
struct LicenceContentChecks {
    let catalogue: LicenceCatalogue
    let time: Date
    let strictness: Strictness

    func run(_ data: LicenceData, xml: [UInt8]) -> [CheckResult<LicenceCheck>] {
        let type = try? catalogue.type(code: data.metadata.typeCode)
        let face = faceSchema(data, type: type)
        return [metadataSchema(xml), face] + (face.outcome == .passed ? faceItems(data, type: type) : []) + [
            identifier(data.metadata), holderCode(data.metadata, type),
            issuerCode(data.metadata), dates(data.metadata, type), validityPeriod(data.metadata),
            registeredType(data.metadata, type),
        ] + (data.metadata.annotation.map { [annotation($0, data.metadata)] } ?? [])
    }

    private func line(_ check: LicenceCheck, _ failure: String?, passed: String) -> CheckResult<LicenceCheck> {
        failure.map { CheckResult(check, .failed, $0) } ?? CheckResult(check, .passed, passed)
    }

    func metadataSchema(_ xml: [UInt8]) -> CheckResult<LicenceCheck> {
        do {
            _ = try LicenceSchemas.validate(
                xml, against: LicenceSchemas.licence, schemaName: "licence.xsd", document: "licence data XML")
            return CheckResult(.metadataSchema, .passed, "conforms to licence.xsd")
        } catch {
            return CheckResult(.metadataSchema, .failed, error.message)
        }
    }

    func faceSchema(_ data: LicenceData, type: LicenceType?) -> CheckResult<LicenceCheck> {
        guard let type else {
            return CheckResult(.faceSchema, .failed, "no face schema: type \(data.metadata.typeCode) is not catalogued")
        }
        do {
            try LicenceXML.validateFace(data.face, type: type)
            return CheckResult(.faceSchema, .passed, "conforms to \(type.faceSchemaPath)")
        } catch {
            return CheckResult(.faceSchema, .failed, error.message)
        }
    }

    /// The items read through the type's generated face, when the type is the standard
    /// catalogue's (a department's own type of the same code may define other items).
    func faceItems(_ data: LicenceData, type: LicenceType?) -> [CheckResult<LicenceCheck>] {
        guard let type, let face = GeneratedFaces.byTypeCode[type.code],
            (try? LicenceCatalogue.standard.type(code: type.code)) == type
        else { return [] }
        do {
            _ = try face.init(faceItems: data.face)
            return [CheckResult(.faceItems, .passed, "every item reads as \(face) (codes, dates and numbers valid)")]
        } catch {
            return [CheckResult(.faceItems, .failed, error.message)]
        }
    }

    func identifier(_ metadata: LicenceMetadata) -> CheckResult<LicenceCheck> {
        let parsed: LicenceIdentifier
        do {
            parsed = try metadata.identifier(strictness: strictness)
        } catch {
            return CheckResult(.identifier, .failed, "\(metadata.identifierText): \(error.message)")
        }
        var problems: [String] = []
        if parsed.typeCode != metadata.typeCode {
            problems.append("its type code \(parsed.typeCode) is not the licence's ZZLXDM \(metadata.typeCode)")
        }
        if parsed.issuerCode != metadata.issuerCode {
            problems.append("its issuer code \(parsed.issuerCode) is not the licence's ZZBFJGDM \(metadata.issuerCode)")
        }
        return line(
            .identifier, problems.isEmpty ? nil : problems.joined(separator: "; "),
            passed: "\(parsed.masked): check character \(parsed.checkCharacter) correct (ISO 7064 MOD 37,36)")
    }

    func holderCode(_ metadata: LicenceMetadata, _ type: LicenceType?) -> CheckResult<LicenceCheck> {
        let code = metadata.holderCode
        let codeType = metadata.holderCodeType
        if let type, !type.holderCategory.admits(codeType) {
            return CheckResult(
                .holderCode, .failed,
                "a \(codeType) code does not fit the type's holder category \(type.holderCategory.rawValue)")
        }
        if let name = codeType.name, metadata.holderCodeTypeName != name {
            return CheckResult(
                .holderCode, .failed,
                "CZZTDMLX \"\(metadata.holderCodeTypeName)\" is not the name of code type \(codeType.rawValue) (\(name))"
            )
        }
        switch codeType {
        case .citizenID:
            do {
                let id = try CitizenID(utf8: code.utf8)
                return CheckResult(.holderCode, .passed, "\(id.masked): a valid 公民身份号码")
            } catch {
                return CheckResult(.holderCode, .failed, "CZZTDM is not a valid 公民身份号码: \(error.message)")
            }
        case .creditCode:
            do {
                let credit = try CreditCode(utf8: code.utf8, strictness: strictness)
                return CheckResult(.holderCode, .passed, "\(credit): a valid 统一社会信用代码")
            } catch {
                return CheckResult(.holderCode, .failed, "CZZTDM is not a valid 统一社会信用代码: \(error.message)")
            }
        default:
            let allowed = code.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
                    || "-()（）".unicodeScalars.contains($0)
            }
            guard !code.isEmpty, code.count <= 64, allowed else {
                return CheckResult(
                    .holderCode, .failed, "CZZTDM \"\(code)\" is not a document number (letters, digits, -)")
            }
            return CheckResult(
                .holderCode, .passed, "a \(codeType) number in document-number form (no check rule is known for it)")
        }
    }

    /// The issuer code 颁发机构代码: a unified social credit code, or, for bodies keyed by their
    /// area (GB/T 36904 allows it; the standards note saw one), a six-digit GB/T 2260 division
    /// code, which must have been in force in the year of issue.
    func issuerCode(_ metadata: LicenceMetadata) -> CheckResult<LicenceCheck> {
        let text = metadata.issuerCode
        if text.count == 6, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            do {
                let division = try Division(text, in: metadata.issueDate.year)
                let name = division.fullName(in: metadata.issueDate.year) ?? division.name
                return CheckResult(
                    .issuerCode, .passed,
                    "\(text): a GB/T 2260 division code (\(name)) in force in \(metadata.issueDate.year), "
                        + "an issuer keyed by its area rather than a 统一社会信用代码")
            } catch {
                return CheckResult(
                    .issuerCode, .failed, "ZZBFJGDM \(text) is not a valid 行政区划代码: \(error.message)")
            }
        }
        do {
            let code = try CreditCode(utf8: text.utf8, strictness: strictness)
            return CheckResult(.issuerCode, .passed, "\(code): a valid 统一社会信用代码")
        } catch {
            return CheckResult(
                .issuerCode, .failed,
                "ZZBFJGDM \(text) is neither a valid 统一社会信用代码 nor a six-digit 行政区划代码: \(error.message)")
        }
    }

    func dates(_ metadata: LicenceMetadata, _ type: LicenceType?) -> CheckResult<LicenceCheck> {
        var problems: [String] = []
        let today = Self.day(of: time)
        if case .date(let end) = metadata.validUntil, end < metadata.validFrom {
            problems.append("validity ends (\(end)) before it starts (\(metadata.validFrom))")
        }
        if metadata.issueDate > today {
            problems.append("issued on \(metadata.issueDate), after the verification day \(today)")
        }
        if let type {
            switch metadata.validUntil {
            case .indefinite where !type.validity.allowsIndefinite:
                problems.append(
                    "a \(type.name) cannot be valid indefinitely (长期); catalogue: \(type.validity.description)")
            case .date(let end):
                let from = metadata.validFrom
                let limitYear = from.year + (type.validity.maximumYears ?? 0)
                if type.validity.maximumYears != nil,
                    let limit = CalendarDate(
                        year: limitYear, month: from.month,
                        day: min(from.day, CalendarDate.numberOfDays(inMonth: from.month, year: limitYear))),
                    end > limit
                {
                    problems.append(
                        "valid for more than \(type.validity.maximumYears ?? 0) years; catalogue: \(type.validity.description)"
                    )
                }
            default:
                break
            }
        }
        if let signed = metadata.signingTime, Self.day(of: signed) < metadata.issueDate {
            problems.append("sealed (ZZQZSJ) before the issue date")
        }
        return line(
            .dates, problems.isEmpty ? nil : problems.joined(separator: "; "),
            passed: "issued \(metadata.issueDate), valid \(metadata.validFrom) to \(metadata.validUntil)")
    }

    func validityPeriod(_ metadata: LicenceMetadata) -> CheckResult<LicenceCheck> {
        let today = Self.day(of: time)
        if today < metadata.validFrom {
            return CheckResult(.validityPeriod, .failed, "not yet valid on \(today): valid from \(metadata.validFrom)")
        }
        if case .date(let end) = metadata.validUntil, today > end {
            return CheckResult(.validityPeriod, .failed, "expired: valid until \(end), verified on \(today)")
        }
        return CheckResult(
            .validityPeriod, .passed, "valid on \(today) (\(metadata.validFrom) to \(metadata.validUntil))")
    }

    func registeredType(_ metadata: LicenceMetadata, _ type: LicenceType?) -> CheckResult<LicenceCheck> {
        guard let type else {
            return CheckResult(.registeredType, .failed, "type code \(metadata.typeCode) is not in the catalogue")
        }
        guard type.name == metadata.name else {
            return CheckResult(
                .registeredType, .failed, "ZZMC \"\(metadata.name)\" is not the catalogue's name \"\(type.name)\"")
        }
        return CheckResult(
            .registeredType, .passed,
            "\(type.code) \(type.name), defined by \(type.definingAuthority)"
                + (type.codeSource == .assigned ? " (code assigned by ZhengwuKit, unconfirmed)" : ""))
    }

    func annotation(_ annotation: Annotation, _ metadata: LicenceMetadata) -> CheckResult<LicenceCheck> {
        var problems: [String] = []
        if annotation.purpose.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append("no purpose (JZJZZSY)")
        }
        if annotation.expires <= time {
            problems.append("the annotated copy expired at \(LicenceTime.format(annotation.expires))")
        }
        if annotation.madeAt > time {
            problems.append("made (JZJZZSJ) after the verification time")
        }
        if annotation.expires <= annotation.madeAt {
            problems.append("expires before it was made")
        }
        if case .date(let end) = metadata.validUntil, Self.day(of: annotation.expires) > end {
            problems.append("outlives the licence (valid until \(end))")
        }
        return line(
            .annotation, problems.isEmpty ? nil : problems.joined(separator: "; "),
            passed: "for \"\(annotation.purpose)\", until \(LicenceTime.format(annotation.expires))")
    }

    /// The calendar day of an instant in China (UTC+8), the zone licences are dated in.
    static func day(of date: Date) -> CalendarDate {
        let days = Int((date.timeIntervalSince1970 + TimeInterval(LicenceTime.chinaOffsetSeconds)) / 86_400)
        let text = LicenceTime.format(Date(timeIntervalSince1970: TimeInterval(days * 86_400)), offsetSeconds: 0)
        return CalendarDate(iso: String(text.prefix(10))) ?? CalendarDate.today
    }
}
