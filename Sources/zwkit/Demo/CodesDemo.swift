import AdminDivision
import CitizenID
import CreditCode

/// `zwkit demo` section: identity numbers, credit codes and the division history behind them.
struct CodesDemo: DemoSection {
    let title = "身份证号码与统一社会信用代码"

    func run() async throws {
        let id = try CitizenID(parsing: "11010519491231002X")
        Console.output("CitizenID \(id.masked): \(id.divisionFullName ?? "?"), born \(id.birthDate), \(id.sex)")
        try expect(id.divisionName == "朝阳区" && id.sex == .female, "the standard's example number")

        let converted = try CitizenID.convert("150102880730303")
        Console.output("15 → 18 digits: 150102880730303 → \(converted)")
        try expect(converted.compactForm == "150102198807303035", "15-digit conversion")

        do {
            _ = try CitizenID(parsing: "110105194912310021")
            throw CodesDemoFailure("a wrong check character was accepted")
        } catch let error as CitizenIDError {
            Console.output("110105194912310021 rejected: \(error.code): \(error)")
        }

        // 密云区 replaced 密云县 in 2015: a 2010 birth with its code was registered later. Lenient (the
        // default) accepts the number and names the departure; strict holds the code to the birth year.
        let miyun = try CitizenID(parsing: "110118201001010020")
        let strict = CitizenID.isValid("110118201001010020", strictness: .strict)
        Console.output(
            "\(miyun.masked): lenient accepts (\(miyun.toleratedErrors.map(\.code).joined())), strict \(strict ? "accepts" : "rejects")"
        )
        try expect(!miyun.toleratedErrors.isEmpty && !strict, "strict and lenient strictness")

        let code = try CreditCode(parsing: "91110000600037341L")
        Console.output(
            "CreditCode \(code): \(code.authority.name)/\(code.category.name), \(code.division?.name ?? "?"), 组织机构代码 \(code.organizationCode.hyphenated)"
        )
        let legacy = try CreditCode(parsing: "91350211M00013FA1N", strictness: .lenient)
        Console.output("91350211M00013FA1N in lenient mode: \(legacy.toleratedErrors.map(\.description).joined())")
        try expect(legacy.acceptance != .valid, "legacy Xiamen code reported as such")

        let chongwen = try Division("110103")
        Console.output("Division 110103: \(chongwen.periods.map(\.description).joined(separator: ", "))")
        try expect(!chongwen.isCurrent, "retired 崇文区")
        do {
            _ = try Division("110103", in: 2015)
            throw CodesDemoFailure("崇文区 was found in 2015")
        } catch let error as DivisionError {
            Console.output("Division 110103 in 2015: \(error.code): \(error)")
        }
    }

    private func expect(_ condition: Bool, _ what: String) throws {
        if !condition { throw CodesDemoFailure("\(what) came out wrong") }
    }

}

private struct CodesDemoFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
