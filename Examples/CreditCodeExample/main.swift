import CreditCode

do {
    let code = try CreditCode(parsing: "91110000600037341L")
    print(code.authority.name, code.category.name, code.divisionCode, code.organizationCode.hyphenated)
    // 工商 企业 110000 60003734-1

    // An early Xiamen pilot code breaks the check rule: lenient parsing names the departure
    // instead of passing it silently.
    let legacy = try CreditCode(parsing: "91350211M00013FA1N", strictness: .lenient)
    print(legacy.acceptance, legacy.toleratedErrors.map(\.code))
    // legacyXiamenPilot(expectedCheckCharacter: "3") ["creditcode.legacy_xiamen_pilot"]

    _ = try CreditCode(parsing: "91110000600037341N")
} catch {
    print(error.code, error.message, error.chineseTerm)
    // creditcode.check_character check character is N but should be L 校验码错误
}

// The organisation code (GB 11714) on its own.
let organization = OrganizationCode("D2143569-X")  // LosslessStringConvertible: nil when invalid
print(organization?.body ?? "invalid", OrganizationCode.isValid("D21435691"))  // D2143569 false
