import ELicense
import Foundation
import Testing
import ZWKitTestSupport

@Suite struct IdentifierTests {
    /// The real identifier of the standards note §5.
    static let real = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U"

    @Test func realIdentifierParses() throws {
        let id = try LicenceIdentifier(parsing: Self.real)
        #expect(id.typeCode == "11100000000013338W011")
        #expect(id.issuerCode == "11430000006122244L")
        #expect(id.serial == "20230000403")
        #expect(id.version == "001")
        #expect(id.checkCharacter == "U")
        #expect(id.rawValue == Self.real)
        #expect(id.definingAuthorityCode == "11100000000013338W")
    }

    /// A real-shaped identifier whose check character was computed with A mapped to 11 (one
    /// province's helper did so): it is reported with the character the standard gives.
    @Test func wrongCheckCharacterIsReportedWithTheExpectedOne() {
        let wrong = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.V"
        #expect(throws: LicenceIdentifierError.wrongCheckCharacter(expected: "U", found: "V")) {
            try LicenceIdentifier(parsing: wrong)
        }
        #expect(throws: LicenceIdentifierError.wrongCheckCharacter(expected: "U", found: "V")) {
            try LicenceIdentifier(parsing: wrong, strictness: .lenient)
        }
        let error = LicenceIdentifierError.wrongCheckCharacter(expected: "U", found: "V")
        #expect(error.code == "licenceid.check_character")
        #expect(error.message.contains("should be U"))
    }

    @Test func buildingComputesTheCheckCharacter() throws {
        let built = try LicenceIdentifier(
            typeCode: "11100000000013338W011", issuerCode: "11430000006122244L", serial: "20230000403", version: "001")
        #expect(built.rawValue == Self.real)
        #expect(
            try LicenceIdentifier.checkCharacter(
                for: "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001") == "U")
    }

    @Test func everySingleCharacterChangeIsCaught() throws {
        // MOD 37,36 detects every single substitution: change each payload character in turn.
        let id = try LicenceIdentifier(parsing: Self.real)
        let payload = Array(
            "1.2.156.3005.2." + [id.typeCode, id.issuerCode, id.serial, id.version].joined(separator: "."))
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        for index in payload.indices where payload[index] != "." && index >= 15 {
            // The sequence (last three characters of the type code) and the version are digits.
            let digitOnly = (15 + 18..<15 + 21).contains(index) || index >= payload.count - 3
            for replacement in alphabet where replacement != payload[index] && (!digitOnly || replacement.isNumber) {
                var changed = payload
                changed[index] = replacement
                #expect(try LicenceIdentifier.checkCharacter(for: String(changed)) != id.checkCharacter)
            }
        }
    }

    @Test func malformedIdentifiersAreRefusedWithTheirRule() {
        let cases: [(String, String)] = [
            ("", "licenceid.root"),
            ("1.2.156.3005.3.11100000000013338W011.11430000006122244L.20230000403.001.U", "licenceid.root"),
            ("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.U", "licenceid.part_count"),
            ("1.2.156.3005.2.11100000000013338W01.11430000006122244L.20230000403.001.U", "licenceid.type_code"),
            ("1.2.156.3005.2.11100000000013338W011.1143000000612224.20230000403.001.U", "licenceid.issuer_code"),
            ("1.2.156.3005.2.11100000000013338W011.11430000006122244L..001.U", "licenceid.serial"),
            ("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.01.U", "licenceid.version"),
            ("1.2.156.3005.2.11100000000013338W011.11430000006122244L.2023-0000403.001.U", "licenceid.character"),
            ("1.2.156.3005.2.11100000000013338w011.11430000006122244L.20230000403.001.U", "licenceid.character"),
            ("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.UU", "licenceid.check_format"),
            ("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.u", "licenceid.character"),
        ]
        for (text, code) in cases {
            do {
                _ = try LicenceIdentifier(parsing: text)
                Issue.record("\(text) was accepted")
            } catch {
                #expect(error.code == code, "\(text)")
            }
        }
    }

    @Test func lenientTakesLowerCaseAndSpaces() throws {
        let id = try LicenceIdentifier(parsing: "  " + Self.real.lowercased() + "\n", strictness: .lenient)
        #expect(id.rawValue == Self.real)
        #expect(!LicenceIdentifier.isValid(Self.real.lowercased()))
    }

    @Test func codableAndLossless() throws {
        let id = try LicenceIdentifier(parsing: Self.real)
        let json = try JSONEncoder().encode([id])
        #expect(String(decoding: json, as: UTF8.self) == "[\"\(Self.real)\"]")
        #expect(try JSONDecoder().decode([LicenceIdentifier].self, from: json) == [id])
        #expect(LicenceIdentifier(Self.real) == id)
        #expect(LicenceIdentifier("nonsense") == nil)
        #expect(id.masked == "1.2.156.3005.2.11100000000013338W011.11430000006122244L.2023****403.001.U")
    }

    /// The check character against python-stdnum's independent `iso7064.mod_37_36` on
    /// generated identifiers of every length the field uses.
    @Test func agreesWithStdnumMod3736() throws {
        guard try Processes.pythonHas(["stdnum.iso7064.mod_37_36"]) else { return }
        var generator = SeededGenerator(seed: 36_904)
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var payloads: [String] = []
        for _ in 0..<3000 {
            let serialLength = Int.random(in: 1...32, using: &generator)
            func random(_ count: Int) -> String {
                String((0..<count).map { _ in alphabet[Int.random(in: 0..<36, using: &generator)] })
            }
            func digits(_ count: Int) -> String {
                String((0..<count).map { _ in alphabet[Int.random(in: 0..<10, using: &generator)] })
            }
            payloads.append(random(18) + digits(3) + "." + random(18) + "." + random(serialLength) + "." + digits(3))
        }
        let script = """
            import sys
            from stdnum.iso7064 import mod_37_36
            for line in sys.stdin.read().split():
                print(mod_37_36.calc_check_digit(line.replace(".", "")))
            """
        let result = try Processes.python(script, stdin: Data(payloads.joined(separator: "\n").utf8))
        #expect(result.status == 0, "\(result.stderrText)")
        let theirs = result.stdoutText.split(separator: "\n").map(String.init)
        #expect(theirs.count == payloads.count)
        var disagreements: [String] = []
        for (payload, their) in zip(payloads, theirs) {
            let ours = try LicenceIdentifier.checkCharacter(for: "1.2.156.3005.2." + payload)
            if String(ours) != their { disagreements.append("\(payload): ours \(ours), stdnum \(their)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }
}
