import ELicense
import Foundation
import Testing
import ZWKitTestSupport

/// The schemas of Specs/elicense: the embedded copies match the files, every catalogued type's
/// example validates in libxml2 and in Python's independent `xmlschema`, and both refuse the
/// same violations.
@Suite struct SchemaTests {
    static let specs = Fixtures.specs.appendingPathComponent("elicense")

    static func exampleData(_ type: LicenceType) throws -> LicenceData {
        let json = try #require(LicenceRequest.exampleJSON(for: type))
        return try LicenceRequest(json: Array(json.utf8)).data(for: type)
    }

    @Test func embeddedCopiesAreCurrent() throws {
        let result = try Processes.run(
            "python3", [Fixtures.packageRoot.appendingPathComponent("Scripts/generate-elicense").path, "--check"])
        #expect(result.status == 0, "\(result.stderrText)")
    }

    @Test func catalogueRegistersEverySchemaAndExample() throws {
        let types = LicenceCatalogue.standard.types
        #expect(
            Set(types.map(\.name)) == ["居民身份证", "居住证", "营业执照", "机动车驾驶证", "出生医学证明", "社会保障卡", "不动产权证书"])
        let faces = try FileManager.default.contentsOfDirectory(atPath: Self.specs.appendingPathComponent("face").path)
        #expect(Set(types.map(\.faceSchemaPath)) == Set(faces.map { "face/" + $0 }))
        for type in types {
            #expect(LicenceRequest.exampleJSON(for: type) != nil, "\(type.name) has no example")
            #expect(!type.faceFields.isEmpty)
            #expect(type.faceFields.allSatisfy { $0.code.hasPrefix("KZ_") })
        }
    }

    @Test(arguments: LicenceCatalogue.standard.types)
    func exampleValidatesAndRoundTrips(type: LicenceType) throws {
        let data = try Self.exampleData(type)
        let xml = try LicenceXML.encode(data)
        try LicenceXML.validate(xml)
        #expect(try LicenceXML.decode(xml) == data)
        #expect(try LicenceXML.encode(try LicenceXML.decode(xml)) == xml)
    }

    /// Documents that break one rule each, refused by libxml2 and by xmlschema alike, and the
    /// valid originals accepted by both.
    @Test func xmlschemaAgreesWithLibxml2() throws {
        guard try Processes.pythonHas(["xmlschema"]) else { return }
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        var cases: [(name: String, xml: [UInt8], face: [UInt8], schema: String, valid: Bool)] = []
        for type in LicenceCatalogue.standard.types {
            let data = try Self.exampleData(type)
            cases.append(
                (
                    type.name, try LicenceXML.encode(data), try LicenceXML.encodeFace(data.face), type.faceSchemaPath,
                    true
                ))
        }
        let business = try LicenceCatalogue.standard.type(code: "11100000MB0143028R001")
        let base = try Self.exampleData(business)
        func variant(_ name: String, _ change: (inout LicenceData) -> Void) throws {
            var data = base
            change(&data)
            cases.append(
                (
                    name, try LicenceXML.encode(data), try LicenceXML.encodeFace(data.face), business.faceSchemaPath,
                    false
                ))
        }
        try variant("bad USCC pattern in face") { $0.face["KZ_TYSHXYDM"] = "9111000060003734IL" }
        try variant("unknown face item") { $0.face["KZ_BOGUS"] = "x" }
        try variant("missing required face item") { $0.face["KZ_MC"] = nil }
        try variant("bad date in face") { $0.face["KZ_CLRQ"] = "2003-02-30" }
        try variant("identifier pattern") { $0.metadata.identifierText = "1.2.156.3005.2.X" }
        try variant("holder code type") { $0.metadata.holderCodeTypeName = "" }
        try variant("blank issuer") { $0.metadata.issuer = " " }
        for (index, item) in cases.enumerated() {
            try Data(item.xml).write(to: directory.appendingPathComponent("\(index).xml"))
            try Data(item.face).write(to: directory.appendingPathComponent("\(index).face.xml"))
        }
        let script = """
            import sys, xmlschema
            specs, directory, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
            licence = xmlschema.XMLSchema(specs + "/licence.xsd")
            catalogue = xmlschema.XMLSchema(specs + "/catalogue.xsd")
            catalogue.validate(specs + "/catalogue.xml")
            faces = {}
            for line in sys.stdin.read().split():
                index, schema = line.split(",")
                face = faces.setdefault(schema, xmlschema.XMLSchema(specs + "/" + schema))
                ok = licence.is_valid(f"{directory}/{index}.xml") and face.is_valid(f"{directory}/{index}.face.xml")
                print("valid" if ok else "invalid")
            """
        let input = cases.enumerated().map { "\($0.offset),\($0.element.schema)" }.joined(separator: "\n")
        let result = try Processes.python(
            script, [Self.specs.path, directory.path, String(cases.count)], stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderrText)")
        let theirs = result.stdoutText.split(separator: "\n").map(String.init)
        try #require(theirs.count == cases.count)
        for (item, their) in zip(cases, theirs) {
            let ours: Bool
            do {
                try LicenceXML.validate(item.xml)
                ours = true
            } catch {
                ours = false
            }
            #expect(ours == item.valid, "libxml2 on \(item.name)")
            #expect((their == "valid") == item.valid, "xmlschema on \(item.name)")
        }
    }

    @Test func hostileXMLIsRefused() {
        let doctype = Array(
            """
            <?xml version="1.0"?><!DOCTYPE DZZZ [<!ENTITY x SYSTEM "file:///etc/passwd">]><DZZZ version="1.0">&x;</DZZZ>
            """.utf8)
        #expect(throws: ELicenseError.self) { try LicenceXML.decode(doctype) }
        let deep = Array(
            ("<DZZZ>" + String(repeating: "<a>", count: 500) + String(repeating: "</a>", count: 500) + "</DZZZ>").utf8)
        #expect(throws: ELicenseError.self) { try LicenceXML.decode(deep) }
        do {
            _ = try LicenceXML.decode(Array("<NotALicence/>".utf8))
            Issue.record("a foreign root was read")
        } catch {
            #expect(error.code == "elicense.unreadable_xml")
        }
    }
}
