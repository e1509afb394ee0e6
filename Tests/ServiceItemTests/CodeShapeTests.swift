import Foundation
import ServiceItem
import Testing

@Suite struct ServiceItemCodeShapeTests {
    static let implementation = "11450721MB155808114000104002000"

    @Test func everyCodeParsesUnderTheOneStrictnessLabel() throws {
        #expect(BasicCode.defaultStrictness == .strict)
        #expect(try BasicCode(parsing: "000104002000").compactForm == "000104002000")
        #expect(try ImplementationCode(parsing: Self.implementation).masked == Self.implementation)
        #expect(try BusinessItemCode(parsing: Self.implementation + "01").description == Self.implementation + "01")
        #expect(try CaseNumber(parsing: Self.implementation + "202403150001").serial == "0001")
        #expect(!ImplementationCode.isValid("91350211M00013FA1N4000104002000"))
        #expect(ImplementationCode.isValid("91350211M00013FA1N4000104002000", strictness: .lenient))
        let sichuan = "512B0053300006-511602000000-000-083372204-1-00"
        #expect(!SichuanItemCode.isValid(sichuan))
        #expect(try SichuanItemCode(parsing: sichuan, strictness: .lenient).compactForm == sichuan)
    }

    @Test func losslessStringConvertibleRoundTrips() throws {
        let code = try #require(CaseNumber(Self.implementation + "202403150001"))
        #expect(CaseNumber(code.description) == code)
        #expect(BasicCode("00XK04002000") == nil)
    }

    @Test func parsingRemovesSpacesOnlyWhenTheyMadeTheLengthWrong() throws {
        #expect(try BasicCode(parsing: "00 01 04002 000").compactForm == "000104002000")
        // A lower-case letter is not compacted away: the codes are exchanged exactly.
        #expect(throws: ServiceItemError.self) { try ImplementationCode(parsing: "11450721mb155808114000104002000") }
    }

    @Test func decodingIsLenientUnlessTheDecoderAsks() throws {
        let json = Data(#"["91350211M00013FA1N4000104002000"]"#.utf8)
        let codes = try JSONDecoder().decode([ImplementationCode].self, from: json)
        #expect(codes.first?.toleratedErrors.map(\.code) == ["serviceitem.invalid_body_code"])
        let strict = JSONDecoder()
        strict.userInfo[.zhengwuKitStrictness] = Strictness.strict
        #expect(throws: DecodingError.self) { try strict.decode([ImplementationCode].self, from: json) }
        #expect(
            String(decoding: try JSONEncoder().encode(codes), as: UTF8.self) == String(decoding: json, as: UTF8.self))
    }

    @Test func everyErrorCodeIsWellFormedAndUnique() {
        func caseName(_ error: ServiceItemError) -> String {
            switch error {
            case .invalidLength: return "invalidLength"
            case .invalidCharacter: return "invalidCharacter"
            case .unknownCatalogueOrigin: return "unknownCatalogueOrigin"
            case .unknownItemType: return "unknownItemType"
            case .localItemType: return "localItemType"
            case .unknownLetterType: return "unknownLetterType"
            case .unknownLevel: return "unknownLevel"
            case .invalidBodyCode: return "invalidBodyCode"
            case .impossibleDate: return "impossibleDate"
            case .invalidPart: return "invalidPart"
            case .missingSegment: return "missingSegment"
            }
        }
        let examples = ServiceItemError.examples
        #expect(Set(examples.map(caseName)).count == 11, "every case has an example")
        let codes = examples.map(\.code)
        #expect(codes.allSatisfy(ZhengwuKitErrorCode.isWellFormed), "\(codes)")
        #expect(codes.allSatisfy { $0.hasPrefix("serviceitem.") })
        #expect(Set(codes).count == codes.count, "\(codes)")
        #expect(examples.allSatisfy { !$0.message.isEmpty && !$0.chineseTerm.isEmpty })
    }
}
