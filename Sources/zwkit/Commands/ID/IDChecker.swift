import AdminDivision
import CitizenID

/// The per-line half of `zwkit id check`: the library decides, this prints.
struct IDChecker: BulkLineChecker {
    let strictness: Strictness

    func check(_ field: UnsafeBufferPointer<UInt8>) -> Result<CitizenID, BulkCheckFailure> {
        do throws(CitizenIDError) {
            return .success(try CitizenID(utf8: field, strictness: strictness))
        } catch {
            return .failure(BulkCheckFailure(error))
        }
    }

    func writeFields(of id: CitizenID, to output: BulkOutput) {
        output.jsonString("kind", id.kind.rawValue)
        if id.wasConvertedFromLegacyForm {
            output.jsonString("converted", id.compactForm)
        }
        if let division = id.divisionCode {
            output.jsonDigits("division_code", division.rawValue, width: 6)
            if let name = id.divisionName { output.jsonString("division_name", name) }
        }
        if let province = id.issuingProvince {
            output.jsonDigits("issuing_province", province.rawValue, width: 6)
        }
        if let nationality = id.nationalityCode { output.jsonString("nationality_code", nationality) }
        output.jsonDate("birth_date", year: id.birthDate.year, month: id.birthDate.month, day: id.birthDate.day)
        output.jsonString("sex", id.sex.rawValue)
        output.jsonInt("sequence", id.sequence)
        output.jsonCharacter("check_character", id.checkCharacter)
    }

    func summary(of id: CitizenID) -> String {
        var parts = [id.kind.chineseName]
        if let name = id.divisionFullName { parts.append(name) }
        if let nationality = id.nationalityCode { parts.append("国籍代码 \(nationality)") }
        parts.append("\(id.birthDate)")
        parts.append(id.sex.chineseName)
        if id.wasConvertedFromLegacyForm { parts.append("18位 \(id.compactForm)") }
        return parts.joined(separator: ", ")
    }

    func notice(for id: CitizenID) -> BulkCheckFailure? {
        id.isAddressCodeInForceAtBirth ? nil : id.toleratedErrors.first.map(BulkCheckFailure.init)
    }
}
