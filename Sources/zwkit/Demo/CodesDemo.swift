import AdminDivision
import CitizenID
import CreditCode

/// `zwkit demo` section: identity numbers, credit codes and the division history behind them.
struct CodesDemo: DemoSection {
    let title = "身份证号码与统一社会信用代码"

    func run() async throws {
        let id = try CitizenID("11010519491231002X")
        Console.output("CitizenID \(id.masked): \(id.divisionFullName ?? "?"), born \(id.birthDate), \(id.sex)")
        try expect(id.divisionName == "朝阳区" && id.sex == .female, "the standard's example number")

        let converted = try CitizenID.convert("150102880730303")
        Console.output("15 → 18 digits: 150102880730303 → \(converted)")
        try expect(converted.rawValue == "150102198807303035", "15-digit conversion")

        do {
            _ = try CitizenID("110105194912310021")
            throw CodesDemoFailure("a wrong check character was accepted")
        } catch let error as CitizenIDError {
            Console.output("110105194912310021 rejected: \(error.code): \(error)")
        }

        // 密云区 replaced 密云县 in 2015: strict region checking knows the history.
        let miyun = "110118201001010020"
        let lenient = CitizenID.isValid(miyun)
        let strict = CitizenID.isValid(miyun, options: .strict)
        Console.output("\(miyun): lenient \(lenient ? "accepts" : "rejects"), strict \(strict ? "accepts" : "rejects")")
        try expect(lenient && !strict, "strict and lenient region policies")

        let code = try CreditCode("91110000600037341L")
        Console.output(
            "CreditCode \(code): \(code.authority.name)/\(code.category.name), \(code.division?.name ?? "?"), 组织机构代码 \(code.organizationCode)"
        )
        let legacy = try CreditCode("91350211M00013FA1N", policy: .lenient)
        Console.output("91350211M00013FA1N in lenient mode: \(legacy.acceptance)")
        try expect(legacy.acceptance != .valid, "legacy Xiamen code reported as such")

        let chongwen = try required(Division("110103"), "110103")
        Console.output("Division 110103: \(chongwen.periods.map(\.description).joined(separator: ", "))")
        try expect(!chongwen.isCurrent, "retired 崇文区")
    }

    private func expect(_ condition: Bool, _ what: String) throws {
        if !condition { throw CodesDemoFailure("\(what) came out wrong") }
    }

    private func required<Value>(_ value: Value?, _ what: String) throws -> Value {
        guard let value else { throw CodesDemoFailure("\(what) is missing") }
        return value
    }
}

private struct CodesDemoFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
