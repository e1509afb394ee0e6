import ELicense
import ESeal
import Foundation
import OFD
import Testing
import ZWKitTestSupport
import ZhengwuKitCore

/// Licences issued as sealed OFD files (GB/T 36905) and verified from the file.
@Suite struct OFDLicenceTests {
    static let business = "11100000MB0143028R001"

    @Test(arguments: LicenceCatalogue.standard.types)
    func everyTypeIssuesToOFDAndVerifies(type: LicenceType) throws {
        let pki = try LicencePKI.make()
        let data = try pki.exampleData(type)
        let ofd = try pki.licenceIssuer().issue(data)
        let file = try LicenceFile(data: ofd)
        #expect(try LicenceXML.decode(file.dataXML) == data)
        #expect(file.customData["ZZBS"] == data.metadata.identifierText)
        let report = LicenceVerifier(trustAnchors: [pki.ca]).verify(file)
        #expect(report.verdict == .trusted, "\(type.name): \(report.failures) \(report.unchecked)")
        #expect(report.result(for: .customData)?.outcome == .passed)
        // The page shows the face items.
        let pages = try file.ofd.pages(of: try require(file.ofd.documents.first))
        let text = pages.map(\.text).joined(separator: "\n")
        for field in type.faceFields where data.face[field.code] != nil {
            #expect(text.contains(field.label), "\(type.name) page lacks \(field.label)")
        }
    }

    @Test func tamperedFileNamesTheChangedFile() throws {
        let pki = try LicencePKI.make()
        let data = try pki.exampleData(try LicenceCatalogue.standard.type(code: Self.business))
        let ofd = try pki.licenceIssuer().issue(data)
        // Rewrite the package with the data XML changed (a forger's edit), keeping the seal.
        let file = try LicenceFile(data: ofd)
        var forged = String(decoding: file.dataXML, as: UTF8.self)
        forged = forged.replacingOccurrences(of: "示例科技有限公司", with: "冒名科技有限公司")
        let rewritten = try TestZip.replacing(file.dataXMLPath, with: Array(forged.utf8), in: file.ofd.package)
        let report = LicenceVerifier(trustAnchors: [pki.ca]).verify(ofd: rewritten)
        #expect(report.verdict == .invalid)
        // The seal names the changed file; the holder's name (CZZT) now also disagrees with CustomDatas.
        #expect(report.failures.map(\.check) == [.seal, .customData])
        #expect(report.result(for: .seal)?.detail.contains("licence.xml") == true)
    }

    @Test func customDataDisagreeingWithTheDataIsNamed() throws {
        let pki = try LicencePKI.make()
        let data = try pki.exampleData(try LicenceCatalogue.standard.type(code: Self.business))
        let ofd = try pki.licenceIssuer().issue(data)
        let file = try LicenceFile(data: ofd)
        // Change CustomData ZZBH in OFD.xml before sealing: the seal holds, the metadata disagrees.
        let unsealed = try TestZip.withoutSignatures(file.ofd.package) { path, bytes in
            guard path == "OFD.xml" else { return bytes }
            let text = String(decoding: bytes, as: UTF8.self)
                .replacingOccurrences(of: "<ofd:CustomData Name=\"ZZBH\">", with: "<ofd:CustomData Name=\"ZZBH\">X")
            return Array(text.utf8)
        }
        let sealed = try OFDSealer(
            seal: pki.seal, signer: try SealSigner(privateKey: pki.issuerKey, certificate: pki.issuer)
        )
        .seal(try OFDFile(data: unsealed), placement: .position(page: 1, x: 100, y: 200))
        let report = LicenceVerifier(trustAnchors: [pki.ca]).verify(ofd: sealed)
        #expect(report.failures.map(\.check) == [.customData])
        #expect(report.result(for: .customData)?.detail.contains("ZZBH") == true)
    }

    @Test func annotatedCopyCarriesPurposeAndExpiry() throws {
        let pki = try LicencePKI.make()
        let data = try pki.exampleData(try LicenceCatalogue.standard.type(code: Self.business))
        let issuer = try pki.licenceIssuer()
        let original = try LicenceFile(data: try issuer.issue(data))
        let verifier = LicenceVerifier(trustAnchors: [pki.ca])
        let expires = Date().addingTimeInterval(30 * 86_400)
        let copy = try issuer.annotate(original, purpose: "仅供办理银行开户使用", expires: expires, verifier: verifier)
        let report = verifier.verify(ofd: copy)
        #expect(report.verdict == .trusted, "\(report.failures)")
        #expect(report.data?.metadata.annotation?.purpose == "仅供办理银行开户使用")
        #expect(report.result(for: .annotation)?.outcome == .passed)
        // After its expiry the copy fails its annotation line (and only that line).
        let later = verifier.verify(ofd: copy, at: expires.addingTimeInterval(3_600))
        #expect(later.failures.map(\.check) == [.annotation])
        #expect(later.result(for: .annotation)?.detail.contains("expired") == true)
        // No purpose, or a licence that does not verify: refused.
        #expect(throws: ELicenseError.self) {
            try issuer.annotate(original, purpose: "  ", expires: expires, verifier: verifier)
        }
        #expect(throws: ELicenseError.self) {
            try issuer.annotate(original, purpose: "x", expires: expires, verifier: LicenceVerifier())
        }
    }

    @Test func aFileWithoutASealIsInvalid() throws {
        let pki = try LicencePKI.make()
        let data = try pki.exampleData(try LicenceCatalogue.standard.type(code: Self.business))
        let file = try LicenceFile(data: try pki.licenceIssuer().issue(data))
        let unsealed = try TestZip.withoutSignatures(file.ofd.package) { _, bytes in bytes }
        let report = LicenceVerifier(trustAnchors: [pki.ca]).verify(ofd: unsealed)
        #expect(report.verdict == .invalid)
        #expect(report.result(for: .seal)?.outcome == .failed)
        let garbage = LicenceVerifier(trustAnchors: [pki.ca]).verify(ofd: Data("not a zip".utf8))
        #expect(garbage.verdict == .invalid)
    }

    /// The data XML inside issued OFD files passes Python's xmlschema (IndependentSchemaCheck).
    @Test func independentValidatorAcceptsTheIssuedXML() throws {
        guard try Processes.pythonHas(["xmlschema"]) else { return }
        let pki = try LicencePKI.make()
        let licences = try LicenceCatalogue.standard.types.map { type in
            (ofd: try pki.licenceIssuer().issue(try pki.exampleData(type)), type: type)
        }
        let result = try IndependentSchemaCheck.run(licences)
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(result.stdoutText.split(separator: "\n").count == licences.count)
    }
}
