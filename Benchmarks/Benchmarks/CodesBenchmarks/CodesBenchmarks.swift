import AdminDivision
import Benchmark
import CitizenID
import CreditCode

// Inputs are built once, outside the measured loops, as one contiguous byte buffer with
// fixed-width records, so the loops measure validation from UTF-8 bytes and nothing else.
// The malloc counters show that a valid number costs no heap allocation.

/// 10,000 valid identity numbers (18 bytes each) with codes valid in their birth years.
let identityNumbers: [UInt8] = {
    var random = SystemRandomNumberGenerator()
    let divisions = Division.allCodes.filter { $0.level == .county }.compactMap { try? Division(code: $0) }
    var bytes: [UInt8] = []
    while bytes.count < 10_000 * 18 {
        guard let division = divisions.randomElement(using: &random), let period = division.periods.last else {
            continue
        }
        let last = min(period.lastYear ?? 2020, 2020)
        let year = Int.random(in: min(max(period.firstYear, 1950), last)...last, using: &random)
        let sequence = Int.random(in: 100...999, using: &random)
        let first17 =
            "\(division.code)\(year)0\(Int.random(in: 1...9, using: &random))1\(Int.random(in: 0...9, using: &random))\(sequence)"
        guard let check = try? CitizenID.checkCharacter(for: first17) else { continue }
        bytes += Array((first17 + String(check)).utf8)
    }
    return bytes
}()

/// 10,000 valid unified social credit codes.
let creditCodes: [UInt8] = {
    var random = SystemRandomNumberGenerator()
    let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    var bytes: [UInt8] = []
    while bytes.count < 10_000 * 18 {
        let body = String((0..<8).map { _ in alphabet[Int.random(in: 0..<31, using: &random)] })
        guard let organizationCheck = try? OrganizationCode.checkCharacter(for: body) else { continue }
        let first17 = "91440300" + body + String(organizationCheck)
        guard let check = try? CreditCode.checkCharacter(for: first17) else { continue }
        bytes += Array((first17 + String(check)).utf8)
    }
    return bytes
}()

/// Validates every 18-byte record of `buffer` with `validate`, counting the valid ones.
@inline(__always)
func validateRecords(_ buffer: [UInt8], _ validate: (UnsafeBufferPointer<UInt8>) -> Bool) -> Int {
    buffer.withUnsafeBufferPointer { all in
        var valid = 0
        var offset = 0
        while offset + 18 <= all.count {
            if validate(UnsafeBufferPointer(rebasing: all[offset..<offset + 18])) { valid += 1 }
            offset += 18
        }
        return valid
    }
}

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        maxDuration: .seconds(3)
    )
    _ = identityNumbers.count + creditCodes.count  // build the inputs before measuring

    Benchmark("CitizenID: validate 10k (strict region)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(validateRecords(identityNumbers) { (try? CitizenID(utf8: $0, strictness: .strict)) != nil })
        }
    }

    Benchmark("CitizenID: validate 10k (lenient region)", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(validateRecords(identityNumbers) { (try? CitizenID(utf8: $0, strictness: .lenient)) != nil })
        }
    }

    Benchmark("CreditCode: validate 10k", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(validateRecords(creditCodes) { (try? CreditCode(utf8: $0)) != nil })
        }
    }

    Benchmark("AdminDivision: exists(code, in: year) 10k", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                validateRecords(identityNumbers) { record in
                    let code = record.prefix(6).reduce(0) { $0 * 10 + Int($1 &- 48) }
                    return DivisionCode(rawValue: code).map { Division.exists($0, in: 2000) } ?? false
                })
        }
    }
}
