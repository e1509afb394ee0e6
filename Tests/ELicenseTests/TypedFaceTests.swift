import AdminDivision
import CitizenID
import CreditCode
import ELicense
import Foundation
import Testing
import ZWKitTestSupport

/// The typed faces generated from Specs/elicense/face: one per catalogued type, each issued,
/// verified and read back equal; wrong types and items that do not convert refused with
/// their errors; the issued XML accepted by Python's xmlschema.
@Suite struct TypedFaceTests {
    static let wangFang = "11010519491231002X"

    static func date(_ year: Int, _ month: Int, _ day: Int) throws -> CalendarDate {
        try require(CalendarDate(year: year, month: month, day: day), "date")
    }

    /// The typed face of each catalogued type, holding the values of its example in
    /// Specs/elicense/examples (so the example's untyped items must read as the same value).
    static func face(for typeCode: String) throws -> any LicenceFace {
        let id = try CitizenID(parsing: wangFang)
        switch typeCode {
        case ResidentIdentityCardFace.typeCode:
            return ResidentIdentityCardFace(
                name: "王芳", sex: LicenceSex(id.sex), ethnicity: "汉", birthDate: id.birthDate,
                address: "北京市朝阳区示例路1号", citizenID: id, issuingAuthority: "北京市公安局朝阳分局")
        case ResidencePermitFace.typeCode:
            return ResidencePermitFace(
                name: "王芳", sex: .female, birthDate: try date(1949, 12, 31), citizenID: id,
                residenceAddress: "北京市朝阳区示例路2号", issuingAuthority: "北京市公安局朝阳分局")
        case BusinessLicenceFace.typeCode:
            return BusinessLicenceFace(
                creditCode: try CreditCode(parsing: "91110000600037341L"), name: "示例科技有限公司", entityType: "有限责任公司",
                legalRepresentative: "李雷", businessScope: "技术开发、技术咨询、技术服务。", registeredCapital: "1000万元",
                establishmentDate: try date(2003, 6, 15), domicile: "北京市海淀区示例大街3号",
                registrationAuthority: "北京市市场监督管理局")
        case MotorVehicleDrivingLicenceFace.typeCode:
            return MotorVehicleDrivingLicenceFace(
                licenceNumber: id, name: "王芳", sex: .female, nationality: "中国", address: "北京市朝阳区示例路1号",
                birthDate: try date(1949, 12, 31), firstIssueDate: try date(2016, 9, 1), permittedVehicleClasses: "C1",
                fileNumber: "110001234567")
        case BirthMedicalCertificateFace.typeCode:
            // 2024-08-18T09:30:00+08:00
            return BirthMedicalCertificateFace(
                newbornName: "张小明", sex: .male, birthTime: Date(timeIntervalSince1970: 1_723_944_600),
                birthplace: "北京市朝阳区", gestationalWeeks: 39, birthWeightGrams: 3350, birthLengthCentimetres: 50,
                motherName: "王芳", motherDocumentNumber: wangFang, deliveryInstitution: "北京市朝阳区妇幼保健院")
        case SocialSecurityCardFace.typeCode:
            return SocialSecurityCardFace(
                name: "王芳", sex: .female, socialSecurityNumber: id, cardNumber: "A12345678",
                issueDate: try date(2021, 1, 4), issuingAuthority: "北京市人力资源和社会保障局")
        case RealEstateTitleCertificateFace.typeCode:
            return RealEstateTitleCertificateFace(
                rightHolder: "王芳", coOwnership: "单独所有", location: "深圳市南山区示例路8号1栋101",
                unitNumber: "440305001001GB00001F00010001", rightType: "国有建设用地使用权/房屋所有权",
                rightNature: "出让/市场化商品房", purpose: "城镇住宅用地/住宅", areaSquareMetres: Decimal(8_950) / 100,
                termOfUse: "2004-01-01起2074-01-01止")
        default:
            throw FixtureError.missing("no typed face for type \(typeCode)")
        }
    }

    /// The example's metadata fields, its face items left out (they come typed).
    static func request(for type: LicenceType) throws -> LicenceRequest {
        var request = try LicenceRequest(json: Array(try require(LicenceRequest.exampleJSON(for: type)).utf8))
        request.face = [:]
        return request
    }

    static func exampleFace(_ type: LicenceType) throws -> FaceItems {
        try SchemaTests.exampleData(type).face
    }

    @Test(arguments: LicenceCatalogue.standard.types)
    func typedFaceFollowsTheSchema(type: LicenceType) throws {
        try Self.followsTheSchema(try Self.face(for: type.code), type: type)
    }

    private static func followsTheSchema<Face: LicenceFace>(_ face: Face, type: LicenceType) throws {
        #expect(Face.typeCode == type.code)
        // The items come out in schema order, the optional ones left out when nil.
        let written = face.faceItems.items.map(\.code)
        #expect(written == type.faceFields.map(\.code).filter(written.contains), "\(type.name)")
        #expect(type.faceFields.filter(\.isRequired).allSatisfy { written.contains($0.code) }, "\(type.name)")
        // The spec example's untyped items read as the same typed value.
        #expect(try Face(faceItems: try exampleFace(type)) == face, "\(type.name)")
        try LicenceXML.validateFace(face.faceItems, type: type)
        // Codable by element code, like the data JSON's ZMXX.
        let json = try JSONEncoder().encode(face)
        let keys = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any]).keys
        #expect(Set(keys) == Set(written))
        #expect(try JSONDecoder().decode(Face.self, from: json) == face)
    }

    @Test(arguments: LicenceCatalogue.standard.types)
    func typedFaceIssuesVerifiesAndReadsBack(type: LicenceType) throws {
        try Self.issueAndReadBack(try Self.face(for: type.code), type: type)
    }

    private static func issueAndReadBack<Face: LicenceFace>(_ face: Face, type: LicenceType) throws {
        let pki = try LicencePKI.make()
        let issuer = try pki.licenceIssuer()
        let data = try issuer.prepare(try request(for: type), face: face)
        #expect(data.metadata.typeCode == type.code)
        #expect(data.metadata.name == type.name)
        let ofd = try issuer.issue(data)
        let report = LicenceVerifier(trustAnchors: [pki.ca]).verify(ofd: ofd)
        #expect(report.verdict == .trusted, "\(type.name): \(report.failures) \(report.unchecked)")
        #expect(report.result(for: .faceItems)?.outcome == .passed, "\(type.name)")
        let read = try #require(report.data)
        #expect(read == data)
        #expect(try read.face(as: Face.self) == face, "\(type.name)")
        // The typed data initialiser gives the same data as the request path.
        #expect(try LicenceData(metadata: data.metadata, face: face) == data)
    }

    @Test func aLicenceOfAnotherTypeIsRefused() throws {
        let pki = try LicencePKI.make()
        let idCard = try LicenceCatalogue.standard.type(code: ResidentIdentityCardFace.typeCode)
        let data = try pki.exampleData(idCard)
        #expect(
            throws: ELicenseError.faceTypeMismatch(
                licenceType: ResidentIdentityCardFace.typeCode, faceType: BusinessLicenceFace.typeCode)
        ) {
            try data.face(as: BusinessLicenceFace.self)
        }
        do {
            _ = try data.face(as: ResidencePermitFace.self)
            Issue.record("a 居民身份证 was read as a 居住证")
        } catch {
            #expect(error.code == "elicense.face_type_mismatch")
            #expect(error.chineseTerm == "照面信息与证照类型不符")
            #expect(error.message.contains("居民身份证") && error.message.contains("居住证"), "\(error.message)")
        }
        // Building data the other way round: metadata of one type, a face of another.
        let business = try #require(try Self.face(for: BusinessLicenceFace.typeCode) as? BusinessLicenceFace)
        #expect(
            throws: ELicenseError.faceTypeMismatch(
                licenceType: ResidentIdentityCardFace.typeCode, faceType: BusinessLicenceFace.typeCode)
        ) {
            try LicenceData(metadata: data.metadata, face: business)
        }
    }

    /// One item changed at a time in an example's items: each refused, naming the item.
    @Test func itemsThatDoNotConvertAreRefused() throws {
        let catalogue = LicenceCatalogue.standard
        func refusal<Face: LicenceFace>(
            _: Face.Type, _ change: (inout FaceItems) -> Void
        ) throws -> (field: String, reason: String)? {
            var items = try Self.exampleFace(try catalogue.type(code: Face.typeCode))
            change(&items)
            do {
                _ = try Face(faceItems: items)
                return nil
            } catch {
                guard case .invalidFaceItem(let field, let reason) = error else {
                    Issue.record("\(error)")
                    return nil
                }
                #expect(error.code == "elicense.face_item")
                #expect(error.chineseTerm == "照面信息项错误")
                return (field, reason)
            }
        }
        // A 公民身份号码 whose check character is wrong passes the schema's pattern but is no CitizenID;
        // the message names the rule and never repeats the number.
        let wrongCheck = try #require(try refusal(ResidencePermitFace.self) { $0["KZ_GMSFHM"] = "110105194912310021" })
        #expect(wrongCheck.field == "KZ_GMSFHM")
        #expect(wrongCheck.reason.contains("citizenid.check_character"), "\(wrongCheck.reason)")
        #expect(!wrongCheck.reason.contains("110105194912310021"))
        let lowerX = try #require(try refusal(ResidentIdentityCardFace.self) { $0["KZ_GMSFHM"] = "11010519491231002x" })
        #expect(lowerX.field == "KZ_GMSFHM")
        let badUSCC = try #require(try refusal(BusinessLicenceFace.self) { $0["KZ_TYSHXYDM"] = "91110000600037341M" })
        #expect(badUSCC.field == "KZ_TYSHXYDM" && badUSCC.reason.contains("creditcode."), "\(badUSCC.reason)")
        let badSex = try #require(try refusal(SocialSecurityCardFace.self) { $0["KZ_XB"] = "F" })
        #expect(badSex.field == "KZ_XB" && badSex.reason.contains("男, 女, 未知"), "\(badSex.reason)")
        let badDate = try #require(try refusal(BusinessLicenceFace.self) { $0["KZ_CLRQ"] = "2003-02-30" })
        #expect(badDate.field == "KZ_CLRQ")
        let badTime = try #require(try refusal(BirthMedicalCertificateFace.self) { $0["KZ_CSSJ"] = "2024-08-18 09:30" })
        #expect(badTime.field == "KZ_CSSJ")
        let badInteger = try #require(try refusal(BirthMedicalCertificateFace.self) { $0["KZ_CSTZ"] = "3.35kg" })
        #expect(badInteger.field == "KZ_CSTZ")
        let badDecimal = try #require(try refusal(RealEstateTitleCertificateFace.self) { $0["KZ_MJ"] = "8.95e1" })
        #expect(badDecimal.field == "KZ_MJ")
        let missing = try #require(try refusal(MotorVehicleDrivingLicenceFace.self) { $0["KZ_ZJCX"] = nil })
        #expect(missing.field == "KZ_ZJCX" && missing.reason.contains("missing"))
        let unknown = try #require(try refusal(ResidentIdentityCardFace.self) { $0["KZ_BOGUS"] = "x" })
        #expect(unknown.field == "KZ_BOGUS" && unknown.reason.contains("not a face item"))
        let twice = try #require(
            try refusal(ResidentIdentityCardFace.self) { items in
                items = FaceItems(items.items + [(code: "KZ_XM", value: "李雷")])
            })
        #expect(twice.field == "KZ_XM")
        // Optional items may be left out.
        #expect(try refusal(BusinessLicenceFace.self) { $0["KZ_ZCZB"] = nil } == nil)
    }

    /// A face 公民身份号码 whose check character is wrong passes the schema's pattern, but not the
    /// `faceItems` check: the issuer refuses it, a verifier fails a licence sealed with it anyway,
    /// and the typed reading names the item.
    @Test func aNonConvertingItemFailsTheFaceItemsCheck() throws {
        let pki = try LicencePKI.make()
        let issuer = try pki.licenceIssuer()
        let type = try LicenceCatalogue.standard.type(code: ResidencePermitFace.typeCode)
        var data = try pki.exampleData(type)
        data.face["KZ_GMSFHM"] = "110105194912310021"
        do {
            try issuer.check(data)
            Issue.record("the issuer accepted a face 公民身份号码 with a wrong check character")
        } catch {
            #expect(error.code == "elicense.invalid_data")
            #expect(error.message.contains("faceItems") && error.message.contains("KZ_GMSFHM"), "\(error.message)")
        }
        // Sealed without the issuer's checks (a detached signature over the XML as given).
        let detached = try issuer.sealDetached(data)
        let report = LicenceVerifier(trustAnchors: [pki.ca]).verifyDetached(
            data: detached.xml, signature: detached.signature)
        #expect(report.verdict == .invalid)
        #expect(report.failures.map(\.check) == [.faceItems], "\(report.failures)")
        let detail = try #require(report.result(for: .faceItems)?.detail)
        #expect(detail.contains("KZ_GMSFHM") && detail.contains("citizenid.check_character"), "\(detail)")
        #expect(!detail.contains("110105194912310021"))
        let read = try #require(report.data)
        #expect(read.face["KZ_GMSFHM"] == "110105194912310021")
        do {
            _ = try read.face(as: ResidencePermitFace.self)
            Issue.record("a wrong check character was read as a CitizenID")
        } catch {
            guard case .invalidFaceItem(let field, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(field == "KZ_GMSFHM")
        }
    }

    @Test func faceItemsComeFromOnePlace() throws {
        let pki = try LicencePKI.make()
        let type = try LicenceCatalogue.standard.type(code: BusinessLicenceFace.typeCode)
        var request = try Self.request(for: type)
        request.face = ["KZ_MC": "另一家公司"]
        let face = try #require(try Self.face(for: type.code) as? BusinessLicenceFace)
        let issuer = try pki.licenceIssuer()
        do {
            _ = try issuer.prepare(request, face: face)
            Issue.record("face items given twice were accepted")
        } catch {
            #expect(error.code == "elicense.invalid_parameter")
        }
        // A typed value the schema refuses (a weight outside 300–7000 g) is not issued.
        var birth = try #require(
            try Self.face(for: BirthMedicalCertificateFace.typeCode) as? BirthMedicalCertificateFace)
        birth.birthWeightGrams = 70_000
        let birthRequest = try Self.request(
            for: try LicenceCatalogue.standard.type(code: BirthMedicalCertificateFace.typeCode))
        do {
            _ = try issuer.prepare(birthRequest, face: birth)
            Issue.record("a face the schema refuses was prepared")
        } catch {
            #expect(error.code == "elicense.invalid_data")
            #expect(error.message.contains("faceSchema"), "\(error.message)")
        }
    }

    /// The data XML of licences issued from typed values passes Python's xmlschema.
    @Test func independentValidatorAcceptsXMLIssuedFromTypedValues() throws {
        guard try Processes.pythonHas(["xmlschema"]) else { return }
        let pki = try LicencePKI.make()
        let issuer = try pki.licenceIssuer()
        let licences = try LicenceCatalogue.standard.types.map { type in
            (ofd: try Self.issueTyped(try Self.face(for: type.code), type: type, issuer: issuer), type: type)
        }
        let result = try IndependentSchemaCheck.run(licences)
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(result.stdoutText.split(separator: "\n").count == licences.count)
    }

    private static func issueTyped<Face: LicenceFace>(_ face: Face, type: LicenceType, issuer: LicenceIssuer) throws
        -> Data
    {
        try issuer.issue(try issuer.prepare(try request(for: type), face: face))
    }

    /// The generated faces follow the schemas: a copy of the generator and the specs passes
    /// `--check`, and fails it once a face schema changes (or refuses a schema without Swift names).
    @Test func staleGeneratedFacesAreCaught() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let files = FileManager.default
        for path in ["Scripts", "Specs", "Sources/ELicense"] {
            try files.createDirectory(at: directory.appendingPathComponent(path), withIntermediateDirectories: true)
        }
        for path in ["Scripts/generate-elicense", "Specs/elicense", "Sources/ELicense/Generated"] {
            try files.copyItem(
                at: Fixtures.packageRoot.appendingPathComponent(path), to: directory.appendingPathComponent(path))
        }
        let script = directory.appendingPathComponent("Scripts/generate-elicense").path
        let schema = directory.appendingPathComponent("Specs/elicense/face/business-licence.xsd")
        let original = try String(contentsOf: schema, encoding: .utf8)
        #expect(try Processes.run("python3", [script, "--check"]).status == 0)

        let renamed = original.replacingOccurrences(of: ">registrationAuthority<", with: ">registrationOffice<")
        #expect(renamed != original)
        try renamed.write(to: schema, atomically: true, encoding: .utf8)
        let stale = try Processes.run("python3", [script, "--check"])
        #expect(stale.status == 1)
        #expect(stale.stderrText.contains("LicenceFaces.swift"), "\(stale.stderrText)")

        let unnamed = original.replacingOccurrences(of: #"<xs:appinfo source="swift">domicile</xs:appinfo>"#, with: "")
        #expect(unnamed != original)
        try unnamed.write(to: schema, atomically: true, encoding: .utf8)
        let refused = try Processes.run("python3", [script, "--check"])
        #expect(refused.status != 0)
        #expect(refused.stderrText.contains("KZ_ZS"), "\(refused.stderrText)")
    }
}
