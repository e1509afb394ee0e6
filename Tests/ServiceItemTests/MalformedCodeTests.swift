import ServiceItem
import Testing

/// Each rule a code can break is reported as that rule, at the right position, with a
/// stable machine code, an English message and the Chinese term.
@Suite struct MalformedCodeTests {
    static let implementation = "11450721MB155808114000104002000"

    /// `text` with the character at 1-based `position` replaced.
    static func replacing(_ text: String, at position: Int, with character: Character) -> String {
        var characters = Array(text)
        characters[position - 1] = character
        return String(characters)
    }

    @Test func lengthIsCheckedFirst() {
        #expect(throws: ServiceItemError.invalidLength(kind: .basicCode, expected: [12], actual: 9)) {
            try BasicCode(parsing: "000104002")
        }
        #expect(throws: ServiceItemError.invalidLength(kind: .implementationCode, expected: [31], actual: 30)) {
            try ImplementationCode(parsing: String(Self.implementation.dropLast()))
        }
        #expect(throws: ServiceItemError.invalidLength(kind: .businessItemCode, expected: [33], actual: 34)) {
            try BusinessItemCode(parsing: Self.implementation + "001")
        }
        #expect(throws: ServiceItemError.invalidLength(kind: .caseNumber, expected: [43, 48], actual: 44)) {
            try CaseNumber(parsing: Self.implementation + "2024010100001")
        }
        #expect(throws: ServiceItemError.invalidLength(kind: nil, expected: [12, 31, 33, 43, 48], actual: 0)) {
            try ServiceItemCode("")
        }
    }

    @Test func characterSetViolationsNameThePosition() {
        let lowercase = Self.implementation.lowercased()
        #expect(
            throws: ServiceItemError.invalidCharacter(
                kind: .implementationCode, position: 9, found: "m", allowed: .digitOrUppercaseLetter)
        ) { try ImplementationCode(parsing: lowercase) }
        #expect(
            throws: ServiceItemError.invalidCharacter(
                kind: .basicCode, position: 6, found: "许", allowed: .digitOrUppercaseLetter)
        ) { try BasicCode(parsing: "00010许002000") }
        #expect(
            throws: ServiceItemError.invalidCharacter(
                kind: .implementationCode, position: 19, found: "X", allowed: .digit)
        ) { try ImplementationCode(parsing: Self.replacing(Self.implementation, at: 19, with: "X")) }
        #expect(
            throws: ServiceItemError.invalidCharacter(
                kind: .businessItemCode, position: 33, found: "A", allowed: .digit)
        ) { try BusinessItemCode(parsing: Self.implementation + "0A") }
        #expect(
            throws: ServiceItemError.invalidCharacter(kind: .caseNumber, position: 43, found: " ", allowed: .digit)
        ) { try CaseNumber(parsing: Self.implementation + "20240101000 ") }
        // The item type is digits: a letter there is a character error, not an unknown type.
        #expect(
            throws: ServiceItemError.invalidCharacter(kind: .basicCode, position: 3, found: "X", allowed: .digit)
        ) { try BasicCode(parsing: "00XK04002000") }
    }

    @Test func unknownItemTypes() {
        #expect(throws: ServiceItemError.unknownItemType("33")) { try BasicCode(parsing: "003304002000") }
        #expect(throws: ServiceItemError.unknownItemType("99")) {
            try ImplementationCode(
                parsing: Self.replacing(Self.replacing(Self.implementation, at: 22, with: "9"), at: 23, with: "9"))
        }
    }

    @Test func localItemTypesNeedLenientChecking() throws {
        #expect(throws: ServiceItemError.localItemType("31")) { try BasicCode(parsing: "443100001000") }
        let lenient = try BasicCode(parsing: "443100001000", strictness: .lenient)
        #expect(lenient.itemType.chineseName == "便民服务")
        #expect(lenient.itemType.category == .local)
        #expect(lenient.toleratedErrors == [.localItemType("31")])
    }

    /// Guangzhou's letter type TC is the only pair of letters lenient checking accepts where
    /// the item type goes; strict checking still reports the letter as a character error.
    @Test func localLetterTypeNeedsLenientChecking() throws {
        #expect(
            throws: ServiceItemError.invalidCharacter(kind: .basicCode, position: 3, found: "T", allowed: .digit)
        ) { try BasicCode(parsing: "44TC12049000") }
        #expect(throws: ServiceItemError.localItemType("TC")) { try ItemType(code: "TC") }
        let lenient = try BasicCode(parsing: "44TC12049000", strictness: .lenient)
        #expect(lenient.itemType.category == .local)
        #expect(!lenient.itemType.isAdministrativePower)
        #expect(lenient.toleratedErrors == [.localItemType("TC")])
        #expect(throws: ServiceItemError.unknownItemType("XK")) {
            try BasicCode(parsing: "00XK04002000", strictness: .lenient)
        }
        #expect(
            throws: ServiceItemError.invalidCharacter(
                kind: .basicCode, position: 3, found: "t", allowed: .digitOrUppercaseLetter)
        ) {
            try BasicCode(parsing: "44tc12049000", strictness: .lenient)
        }
    }

    @Test(arguments: ["0", "8", "9"])
    func unknownLevels(_ level: Character) {
        #expect(throws: ServiceItemError.unknownLevel(String(level))) {
            try ImplementationCode(parsing: Self.replacing(Self.implementation, at: 19, with: level))
        }
    }

    @Test func unknownCatalogueOrigins() {
        #expect(throws: ServiceItemError.unknownCatalogueOrigin("99")) { try BasicCode(parsing: "990104002000") }
        #expect(throws: ServiceItemError.unknownCatalogueOrigin("40")) { try BasicCode(parsing: "400104002000") }
    }

    @Test func invalidEmbeddedCreditCodeIsRejectedStrictlyAndReportedLeniently() throws {
        // Check character 1 → 2: a one-character slip the check catches.
        let slipped = Self.replacing(Self.implementation, at: 18, with: "2")
        #expect {
            try ImplementationCode(parsing: slipped)
        } throws: { error in
            guard case .invalidBodyCode(let body, let reason) = error as? ServiceItemError else { return false }
            return body == "11450721MB15580812" && reason.contains("校验码错误") && reason.contains("should be 1")
        }
        let lenient = try ImplementationCode(parsing: slipped, strictness: .lenient)
        #expect(!lenient.body.isUnifiedSocialCreditCode)
        #expect(lenient.toleratedErrors.map(\.code) == ["serviceitem.invalid_body_code"])
        #expect(lenient.body.registrationLevel == nil)
        #expect(lenient.code == slipped)
    }

    /// A body code with characters the credit-code alphabet lacks (I, O, S, V, Z) is not a
    /// credit code, though it fits the code's own character set.
    @Test func bodyCodeOutsideTheCreditAlphabet() throws {
        let code = "11440000ABCDEFGHIJ2440289876000"
        #expect(throws: ServiceItemError.self) { try ImplementationCode(parsing: code) }
        let lenient = try ImplementationCode(parsing: code, strictness: .lenient)
        #expect(lenient.toleratedErrors.first?.message.contains("character 17") == true)
    }

    /// The early Xiamen pilot issued credit codes that fail the check (GB 32100 was not yet
    /// settled): strict checking rejects them; lenient checking accepts them and says so.
    @Test func xiamenPilotBodyCodeIsALegacyExceptionLeniently() throws {
        let code = "91350211M00013FA1N" + "4" + "000104002000"
        #expect(throws: ServiceItemError.self) { try ImplementationCode(parsing: code) }
        let lenient = try ImplementationCode(parsing: code, strictness: .lenient)
        #expect(lenient.body.creditCode != nil)
        #expect(!lenient.body.isUnifiedSocialCreditCode)
        #expect(lenient.toleratedErrors.first?.message.contains("Xiamen") == true)
        #expect(lenient.parts[0].meaning == "非统一社会信用代码（宽松模式接受）")
    }

    @Test(arguments: ["20181332", "20190229", "20230431", "00000101", "20230000"])
    func impossibleDates(_ date: String) {
        #expect(throws: ServiceItemError.impossibleDate(date)) {
            try CaseNumber(parsing: Self.implementation + date + "0001")
        }
    }

    @Test func buildersRejectPartsThatDoNotFit() {
        #expect(throws: ServiceItemError.self) {
            try BasicCode(origin: .national, itemType: .licensing, mainItem: "0400", subItem: "000")
        }
        #expect(throws: ServiceItemError.self) {
            try BasicCode(origin: .national, itemType: .licensing, mainItem: "04002", subItem: "w01")
        }
        #expect(throws: ServiceItemError.self) { try ImplementingBodyCode("11450721MB1558081") }
        #expect(throws: ServiceItemError.self) { try CatalogueOrigin(code: "4") }
        #expect(throws: ServiceItemError.self) { try ItemType(code: "1") }
    }

    @Test func everyErrorHasAStableCodeAnEnglishMessageAndAChineseTerm() {
        let errors: [ServiceItemError] = [
            .invalidLength(kind: .basicCode, expected: [12], actual: 3),
            .invalidCharacter(kind: .caseNumber, position: 40, found: "x", allowed: .digit),
            .unknownCatalogueOrigin("99"), .unknownItemType("33"), .localItemType("30"),
            .unknownLetterType(scheme: "letter-type", letters: "AB"), .unknownLevel("8"),
            .invalidBodyCode("11450721MB15580812", reason: "check"), .impossibleDate("20190229"),
            .invalidPart(name: "serial", value: "1", expected: "4 digits"),
            .missingSegment(scheme: "sichuan", segment: "area code 区划代码"),
        ]
        #expect(Set(errors.map(\.code)).count == errors.count)
        for error in errors {
            #expect(ZhengwuKitErrorCode.isWellFormed(error.code) && error.code.hasPrefix("serviceitem."))
            #expect(!error.message.isEmpty)
            #expect(error.chineseTerm.unicodeScalars.contains { $0.value >= 0x4E00 })
            #expect(error.description.contains(error.chineseTerm))
        }
    }

    /// Arbitrary text of every length around the code lengths, ASCII and not, only ever
    /// parses or throws `ServiceItemError`: no trap, no other error.
    @Test func arbitraryInputNeverTraps() {
        var random = GeneratedCodeTests.SplitMix64(state: 39554)
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz -许可é\u{0}\u{301}")
        var parsed = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...50, using: &random)
            var text = String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] })
            if Bool.random(using: &random), length >= 31 {
                // Start from a real code so deeper rules are reached, then damage one character.
                let real = Array("11450721MB155808114000104002000202402290007")
                var characters = Array(real.prefix(min(length, real.count)))
                characters[Int.random(in: 0..<characters.count, using: &random)] =
                    alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
                text = String(characters)
            }
            for validation in Strictness.allCases {
                do {
                    let code = try ServiceItemCode(text, strictness: validation, schemes: [LetterTypeScheme.standard])
                    #expect(code.code == text)
                    parsed += 1
                } catch {
                    #expect(!error.code.isEmpty)
                }
            }
        }
        #expect(parsed > 0, "some damaged codes stay valid (a changed serial digit)")
    }
}
