import AdminDivision
import ServiceItem

// Read a real implementation code (灵山县, 固定资产投资项目节能审查) part by part.
let code = try ImplementationCode(parsing: "11450721MB155808114000104002000")
print(code.body, code.level.chineseName, code.basicCode.itemType.chineseName)  // 11450721MB15580811 县级 行政许可
for part in code.parts {
    print(part.positions, part.chineseName, part.value, part.meaning ?? "")
}

// Number a case: implementation code + date + four-digit serial.
if let date = CalendarDate(year: 2024, month: 3, day: 15) {
    let caseNumber = try CaseNumber(implementationCode: code, date: date, serial: 1)
    print(caseNumber)  // 11450721MB155808114000104002000202403150001
}

// Bad input names the rule it breaks.
do {
    _ = try ImplementationCode(parsing: "11450721MB155808118000104002000")
} catch {
    print(error.code, error.chineseTerm)  // serviceitem.unknown_level 行使层级代码错误
}

// Lenient parsing accepts a legacy body code and names what it waived.
let legacy = try ImplementationCode(parsing: "91350211M00013FA1N4000104002000", strictness: .lenient)
print(legacy.toleratedErrors.map(\.code))  // ["serviceitem.invalid_body_code"]
