import Foundation
import ServiceItem
import Testing
import ZWKitTestSupport

/// `Specs/service-item/` holds the tables and vectors other languages can reuse; the Swift
/// types must say exactly what those files say.
@Suite struct SpecFileTests {
    static func json(_ name: String) throws -> [String: Any] {
        let url = Fixtures.specs.appendingPathComponent("service-item/\(name)")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func codes(_ tables: [String: Any], _ table: String) throws -> [String: String] {
        let entry = try #require(tables[table] as? [String: Any])
        return try #require(entry["codes"] as? [String: String])
    }

    static func names<Table: CodeTable>(_: Table.Type) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Table.allCases.map { ($0.code, $0.chineseName) })
    }

    @Test func codeTablesMatchTheEnums() throws {
        let tables = try Self.json("code-tables.json")
        #expect(try Self.codes(tables, "exercisingLevel") == Self.names(ExercisingLevel.self))
        #expect(try Self.codes(tables, "bodyNature") == Self.names(BodyNature.self))
        #expect(try Self.codes(tables, "serviceObject") == Self.names(ServiceObject.self))
        #expect(try Self.codes(tables, "handlingForm") == Self.names(HandlingForm.self))
        #expect(try Self.codes(tables, "caseType") == Self.names(CaseType.self))
        #expect(try Self.codes(tables, "itemState") == Self.names(ItemState.self))
        #expect(try Self.codes(tables, "onlineDepth") == Self.names(OnlineDepth.self))
        let itemTypes = try Self.codes(tables, "itemType")
        #expect(itemTypes == Dictionary(uniqueKeysWithValues: ItemType.nationalTypes.map { ($0.code, $0.chineseName) }))
        let itemTable = try #require(tables["itemType"] as? [String: Any])
        for (code, name) in try #require(itemTable["localCodes"] as? [String: String]) {
            let type = try ItemType(code: code, strictness: .lenient)
            #expect(type.chineseName == name && type.category == .local)
        }
        #expect(try Self.codes(tables, "letterTypes") == LetterTypeScheme.standard.letters.mapValues(\.code))
        #expect(try Self.codes(tables, "sichuanLocalTypes") == SichuanItemPart.nationalTypes.mapValues(\.code))
    }

    @Test func validVectorsParseToTheirParts() throws {
        let vectors = try #require(try Self.json("vectors.json")["valid"] as? [[String: Any]])
        #expect(vectors.count >= 5)
        for vector in vectors {
            let text = try #require(vector["code"] as? String)
            let validation = (vector["validation"] as? String).flatMap(Strictness.init(rawValue:)) ?? .strict
            let code = try ServiceItemCode(text, strictness: validation)
            #expect(code.kind.rawValue == vector["kind"] as? String, "\(text)")
            let parts = Dictionary(uniqueKeysWithValues: code.parts.map { ($0.key, $0.value) })
            #expect(parts == vector["parts"] as? [String: String], "\(text)")
            #expect(code.toleratedErrors.map(\.code) == (vector["tolerated"] as? [String] ?? []), "\(text)")
            #expect(code.code == text)
        }
    }

    @Test func invalidVectorsFailWithTheirRule() throws {
        let vectors = try #require(try Self.json("vectors.json")["invalid"] as? [[String: Any]])
        #expect(Set(vectors.compactMap { $0["error"] as? String }).count >= 8, "every rule has a vector")
        for vector in vectors {
            let text = try #require(vector["code"] as? String)
            #expect {
                try ServiceItemCode(text)
            } throws: { error in
                (error as? ServiceItemError)?.code == vector["error"] as? String
            }
        }
    }

    /// The 四川 vectors parse to their parts with the scheme, under the checking they name,
    /// and their local type agrees with the portal's taskType where it is mapped.
    @Test func sichuanVectorsParseToTheirPartsOrFailWithTheirRule() throws {
        let sichuan = try #require(try Self.json("vectors.json")["sichuan"] as? [String: Any])
        let valid = try #require(sichuan["valid"] as? [[String: Any]])
        #expect(valid.count >= 6)
        for vector in valid {
            let text = try #require(vector["code"] as? String)
            let validation = (vector["validation"] as? String).flatMap(Strictness.init(rawValue:)) ?? .strict
            let code = try SichuanItemCode(parsing: text, strictness: validation)
            let parts = Dictionary(uniqueKeysWithValues: code.parts.map { ($0.key, $0.value) })
            #expect(parts == vector["parts"] as? [String: String], "\(text)")
            #expect(code.toleratedErrors.map(\.code) == (vector["tolerated"] as? [String] ?? []), "\(text)")
            if let itemType = code.item.itemType {
                #expect(Int(itemType.code) == (vector["taskType"] as? String).flatMap { Int($0) }, "\(text)")
            }
            #expect(throws: ServiceItemError.self) { try ServiceItemCode(text, strictness: .lenient) }
        }
        let invalid = try #require(sichuan["invalid"] as? [[String: Any]])
        for vector in invalid {
            let text = try #require(vector["code"] as? String)
            let validations =
                (vector["validation"] as? String).flatMap(Strictness.init(rawValue:)).map { [$0] }
                ?? Strictness.allCases
            for validation in validations {
                #expect {
                    try SichuanItemCode(parsing: text, strictness: validation)
                } throws: { error in
                    (error as? ServiceItemError)?.code == vector["error"] as? String
                }
            }
        }
    }
}
