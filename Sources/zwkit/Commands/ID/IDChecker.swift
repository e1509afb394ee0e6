import AdminDivision
import CitizenID

/// The per-line half of `zwkit id check`.
struct IDChecker: BulkLineChecker {
    let options: CitizenID.Options

    func check(_ field: UnsafeBufferPointer<UInt8>) -> Result<CitizenID, BulkCheckFailure> {
        do throws(CitizenIDError) {
            return .success(try CitizenID(utf8: field, options: options))
        } catch {
            return .failure(BulkCheckFailure(code: error.code, message: error.message, term: error.chineseTerm))
        }
    }

    func writeFields(of id: CitizenID, to output: BulkOutput) {
        output.jsonString("kind", staticValue: Self.kindName(id.kind))
        if id.wasConvertedFromLegacyForm {
            output.jsonString("converted", id.rawValue)
        }
        switch id.kind {
        case .residentIdentityCard:
            output.jsonDigits("division_code", id.leadingCode, width: 6)
            if let name = Division.name(code: id.leadingCode, in: id.birthDate.year) {
                output.jsonString("division_name", name)
            }
        case .foreignPermanentResidenceID:
            output.jsonDigits("issuing_province", id.leadingCode % 100_000 / 1000 * 10_000, width: 6)
            output.jsonString("nationality_code", id.nationalityCode ?? "")
        case .hongKongResidencePermit, .macaoResidencePermit, .taiwanResidencePermit:
            break
        }
        output.jsonDate("birth_date", year: id.birthDate.year, month: id.birthDate.month, day: id.birthDate.day)
        output.jsonString("sex", staticValue: id.sex == .male ? "male" : "female")
        output.jsonInt("sequence", id.sequence)
        output.jsonCharacter("check_character", id.checkCharacter)
    }

    /// `DocumentKind.rawValue` as static text, so writing it costs no string.
    private static func kindName(_ kind: DocumentKind) -> StaticString {
        switch kind {
        case .residentIdentityCard: return "resident_identity_card"
        case .hongKongResidencePermit: return "hong_kong_residence_permit"
        case .macaoResidencePermit: return "macao_residence_permit"
        case .taiwanResidencePermit: return "taiwan_residence_permit"
        case .foreignPermanentResidenceID: return "foreign_permanent_residence_id"
        }
    }

    func summary(of id: CitizenID) -> String {
        var parts = [id.kind.chineseName]
        if let name = id.divisionFullName { parts.append(name) }
        if let nationality = id.nationalityCode { parts.append("国籍代码 \(nationality)") }
        parts.append("\(id.birthDate)")
        parts.append(id.sex.chineseName)
        if id.wasConvertedFromLegacyForm { parts.append("18位 \(id.rawValue)") }
        return parts.joined(separator: ", ")
    }
}
