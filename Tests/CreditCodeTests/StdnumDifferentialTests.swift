import AdminDivision
import CreditCode
import Foundation
import Testing
import ZWKitTestSupport

/// CreditCode against python-stdnum's `stdnum.cn.uscc` on thousands of generated codes. Every
/// disagreement must be a deliberate difference, listed in Documentation/CreditCode.md.
@Suite struct CreditCodeStdnumDifferentialTests {
    enum DeliberateDifference: String {
        /// stdnum checks neither the authority nor the category table.
        case authorityAndCategoryTables = "authority/category tables"
        /// stdnum does not check the embedded GB 11714 organisation code.
        case organizationCodeCheck = "embedded organisation code check"
        /// stdnum demands digits in positions 1–8, so a letter in position 1 or 2 fails its format
        /// rule: the real authorities A, N and Y, and letters CreditCode finds no authority or
        /// category for.
        case lettersInPositionsOneAndTwo = "letters in positions 1-2"
    }

    @Test func agreesWithStdnumExceptForDocumentedDifferences() throws {
        let codes = Self.generateCodes(count: 6000)
        guard let answers = try Stdnum.validate(codes, module: "cn.uscc") else { return }

        var agreements = 0
        var differences: [DeliberateDifference: Int] = [:]
        var undocumented: [String] = []
        for (code, theirs) in zip(codes, answers) {
            let ours: CreditCodeError?
            do {
                _ = try CreditCode(parsing: code)
                ours = nil
            } catch { ours = error }
            if Self.outcome(ours) == theirs {
                agreements += 1
            } else if let reason = Self.explain(code, ours: ours, theirs: theirs) {
                differences[reason, default: 0] += 1
            } else {
                undocumented.append("\(code): CreditCode \(ours.map { $0.code } ?? "valid"), stdnum \(theirs)")
            }
        }
        print(
            "CreditCode vs stdnum.cn.uscc: \(codes.count) codes, \(agreements) agree; documented differences: \(differences.map { "\($0.key.rawValue) \($0.value)" }.sorted())"
        )
        #expect(
            undocumented.isEmpty,
            "\(undocumented.count) undocumented disagreements:\n\(undocumented.prefix(20).joined(separator: "\n"))")
        // Apart from letter authorities, which stdnum cannot take, most codes must agree.
        #expect(agreements * 10 > (codes.count - differences[.lettersInPositionsOneAndTwo, default: 0]) * 8)
    }

    static func outcome(_ error: CreditCodeError?) -> String {
        switch error {
        case nil: return "valid"
        case .invalidLength: return "InvalidLength"
        case .invalidCharacter: return "InvalidFormat"
        case .wrongCheckCharacter: return "InvalidChecksum"
        case .unknownAuthority, .unknownCategory, .wrongOrganizationCodeCheck, .legacyXiamenPilot:
            return "(no stdnum rule)"
        }
    }

    static func explain(_ code: String, ours: CreditCodeError?, theirs: String) -> DeliberateDifference? {
        let leadingLetter = code.utf8.prefix(2).contains { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        let laterNonDigit = code.utf8.dropFirst(2).prefix(6).contains {
            !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }
        if leadingLetter, !laterNonDigit, theirs == "InvalidFormat" {
            switch ours {
            case nil, .unknownAuthority, .unknownCategory, .wrongOrganizationCodeCheck, .wrongCheckCharacter,
                .invalidCharacter(position: 17):
                return .lettersInPositionsOneAndTwo
            default: return nil
            }
        }
        switch ours {
        case .unknownAuthority, .unknownCategory: return theirs == "valid" ? .authorityAndCategoryTables : nil
        case .wrongOrganizationCodeCheck: return theirs == "valid" ? .organizationCodeCheck : nil
        case .invalidCharacter(let position) where position == 17:
            // A letter other than X where GB 11714 wants its check digit: no rule of stdnum's.
            return theirs == "valid" ? .organizationCodeCheck : nil
        default: return nil
        }
    }

    // MARK: - Generation

    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")

    static func generateCodes(count: Int) -> [String] {
        var random = SeededGenerator(seed: 0x5553_4343_0000_0001)
        let divisions = ["100000"] + Division.allCodes.map(\.description)
        var codes: [String] = []
        while codes.count < count {
            let authority = RegistrationAuthority.all.randomElement(using: &random)!
            let category = authority.categories.randomElement(using: &random)!
            let body = String((0..<8).map { _ in alphabet[Int.random(in: 0..<31, using: &random)] })
            let organization = body + String(try! OrganizationCode.checkCharacter(for: body))
            let first17 = "\(authority.code)\(category.code)\(divisions.randomElement(using: &random)!)\(organization)"
            let valid = first17 + String(try! CreditCode.checkCharacter(for: first17))
            var characters = Array(valid)
            switch Int.random(in: 0..<10, using: &random) {
            case 0...4:
                codes.append(valid)
            case 5:  // one character replaced
                let index = Int.random(in: 0..<18, using: &random)
                characters[index] =
                    alphabet[
                        (alphabet.firstIndex(of: characters[index])! + Int.random(in: 1..<31, using: &random)) % 31]
                codes.append(String(characters))
            case 6:  // neighbours swapped
                let index = Int.random(in: 0..<17, using: &random)
                characters.swapAt(index, index + 1)
                codes.append(String(characters))
            case 7:  // letters outside the alphabet, lower case, wrong length
                let variants = [
                    String(valid.prefix(9)) + "I" + String(valid.dropFirst(10)),
                    String(valid.prefix(12)) + "O" + String(valid.dropFirst(13)),
                    valid.lowercased(), String(valid.dropLast()), valid + "0",
                ]
                codes.append(variants.randomElement(using: &random)!)
            case 8:  // an unknown authority or category, with a right check character
                let prefix = ["B", "Z", "0", "94", "25", "Y2"].randomElement(using: &random)!
                let broken = prefix + String(first17.dropFirst(prefix.count))
                codes.append(broken + String((try? CreditCode.checkCharacter(for: broken)) ?? "0"))
            default:  // a body whose organisation-code check fails, with a right USCC check
                let bad = String(first17.prefix(16)) + String(alphabet[Int.random(in: 0..<10, using: &random)])
                codes.append(bad + String(try! CreditCode.checkCharacter(for: bad)))
            }
        }
        return codes
    }
}
