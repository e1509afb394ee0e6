import Foundation
import Testing
import ZhengwuKitCore

/// A toy code (three digits and a mod-10 check digit; a trailing `L` tolerated leniently) to
/// prove the protocol's shared behaviour, independently of any real code type.
private struct ToyCode: CheckCharacterCode {
    enum ParseError: ZhengwuKitError, Hashable {
        case length(Int)
        case check(expected: Character)
        var code: String {
            switch self {
            case .length: return "toy.length"
            case .check: return "toy.check_character"
            }
        }
        var message: String {
            switch self {
            case .length(let count): return "a toy code has 4 characters, not \(count)"
            case .check(let expected): return "the check character should be \(expected)"
            }
        }
        var chineseTerm: String { "校验码错误" }
    }

    let compactForm: String
    var masked: String { "***" + String(compactForm.suffix(1)) }
    var checkCharacter: Character { compactForm.last ?? "0" }

    static func compact(_ text: some StringProtocol) -> String {
        String(text.filter { $0 != " " && $0 != "-" }).uppercased()
    }

    static func checkCharacter(for body: some StringProtocol) throws(ParseError) -> Character {
        let sum = body.compactMap(\.wholeNumberValue).reduce(0, +)
        return Character(String(sum % 10))
    }

    init(parsing text: some StringProtocol, strictness: Strictness) throws(ParseError) {
        var value = Self.compact(text)
        if strictness == .lenient, value.count == 5, value.hasSuffix("L") { value.removeLast() }
        guard value.count == 4 else { throw .length(value.count) }
        let expected = try Self.checkCharacter(for: value.prefix(3))
        guard value.last == expected else { throw .check(expected: expected) }
        compactForm = value
    }
}

@Suite struct CodeShapeTests {
    @Test func parsingThrowsTheRuleBroken() {
        #expect(throws: ToyCode.ParseError.check(expected: "6")) { try ToyCode(parsing: "1235") }
        #expect(throws: ToyCode.ParseError.length(2)) { try ToyCode(parsing: "12") }
    }

    @Test func losslessStringConvertibleRoundTrips() throws {
        let code = try #require(ToyCode("12-36"))
        #expect(code.description == "1236")
        #expect(ToyCode(code.description) == code)
        #expect(ToyCode("1235") == nil)
    }

    @Test func isValidUsesTheStrictnessGiven() {
        #expect(ToyCode.isValid("1236"))
        #expect(!ToyCode.isValid("1236L"))
        #expect(ToyCode.isValid("1236L", strictness: .lenient))
    }

    @Test func codableUsesTheDecodersStrictness() throws {
        let json = Data(#"["1236L"]"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ToyCode].self, from: json) }
        let lenient = JSONDecoder()
        lenient.userInfo[.zhengwuKitStrictness] = Strictness.lenient
        #expect(try lenient.decode([ToyCode].self, from: json).map(\.compactForm) == ["1236"])
        let encoded = try JSONEncoder().encode([try ToyCode(parsing: "1236")])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["1236"]"#)
    }

    @Test func decodingErrorNamesTheCode() throws {
        do {
            _ = try JSONDecoder().decode([ToyCode].self, from: Data(#"["1235"]"#.utf8))
            Issue.record("decoded an invalid code")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription.contains("toy.check_character"))
        }
    }

    @Test func errorCodesFollowTheHouseForm() {
        #expect(ZhengwuKitErrorCode.isWellFormed("citizenid.check_character"))
        #expect(ZhengwuKitErrorCode.isWellFormed("x509.chain.expired"))
        for bad in [
            "check_character", "CitizenID.check", "citizenid.check-character", "x509..expired", ".a", "a.", "1a.b",
        ] {
            #expect(!ZhengwuKitErrorCode.isWellFormed(bad), "\(bad)")
        }
    }

    @Test func errorDescriptionIsMessageAndTerm() {
        #expect("\(ToyCode.ParseError.check(expected: "6"))" == "the check character should be 6 (校验码错误)")
    }
}
