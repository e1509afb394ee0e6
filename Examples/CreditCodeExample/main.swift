import CreditCode

do {
    let code = try CreditCode("91110000600037341L")
    print(code.authority.name, code.category.name, code.divisionCode, code.organizationCode)
    // 工商 企业 110000 60003734-1

    // An early Xiamen pilot code breaks the check rule: lenient mode says so instead of passing it silently.
    print(try CreditCode("91350211M00013FA1N", policy: .lenient).acceptance)
    // legacyXiamenPilot(expectedCheckCharacter: "3")

    _ = try CreditCode("91110000600037341N")
} catch {
    print(error.code, error.message, error.chineseTerm)  // check_character check character is N but should be L 校验码错误
}

// The organisation code (GB 11714) on its own.
let organization = try? OrganizationCode("D2143569-X")
print(organization?.body ?? "invalid", OrganizationCode.isValid("D21435691"))  // D2143569 false
