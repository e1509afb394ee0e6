import CitizenID

do {
    let id = try CitizenID("11010519491231002X")
    print(id.kind, id.divisionFullName ?? "", id.birthDate, id.sex, id.masked)
    // resident_identity_card 北京市朝阳区 1949-12-31 female 110***********002X

    print(try CitizenID.convert("150102880730303"))  // 150102198807303035
    print(try CitizenID.checkCharacter(for: "11010519491231002"))  // X

    // 密云区 (110118) dates from 2015: strict region checking rejects a 2010 birth with it.
    _ = try CitizenID("110118201001010020", options: .strict)
} catch {
    print(error.code, error.message, error.chineseTerm)
    // region_not_valid_in_year address code 110118 was not valid in 2010 (valid: 密云区 2015–) 地址码在出生年份无效
}
