import CitizenID

do {
    let id = try CitizenID(parsing: "11010519491231002X")
    print(id.kind, id.divisionFullName ?? "", id.birthDate, id.sex, id.masked)
    // resident_identity_card 北京市朝阳区 1949-12-31 female 110***********002X

    print(try CitizenID.convert("150102880730303").compactForm)  // 150102198807303035
    print(try CitizenID.checkCharacter(for: "11010519491231002"))  // X
    print(CitizenID.isValid("110105 19491231 002x"))  // true: written in groups, compacted first

    // 密云区 (110118) dates from 2015. By default (lenient) a 2010 birth with it is accepted,
    // since the number was issued later, and the departure is named; strict rejects it.
    let late = try CitizenID(parsing: "110118201001010020")
    print(late.toleratedErrors.map(\.code))  // ["citizenid.region_not_valid_in_year"]
    _ = try CitizenID(parsing: "110118201001010020", strictness: .strict)
} catch {
    print(error.code, error.message, error.chineseTerm)
    // citizenid.region_not_valid_in_year address code 110118 was not valid in 2010 (valid: 密云区 2015–) 地址码在出生年份无效
}
