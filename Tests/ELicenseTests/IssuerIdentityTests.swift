import ELicense
import ESeal
import Foundation
import GMCertificates
import Testing
import ZWKitTestSupport
import ZhengwuKitCore

/// Who may speak for a licence's issuer: annotated copies only by the issuer, and issuers keyed
/// by a GB/T 2260 division code instead of a credit code.
@Suite struct IssuerIdentityTests {
    static let business = "11100000MB0143028R001"

    private func businessRequest(issuerCode: String? = nil, issuer: String? = nil) throws -> LicenceRequest {
        let type = try LicenceCatalogue.standard.type(code: Self.business)
        var request = try LicenceRequest(json: Array(try require(LicenceRequest.exampleJSON(for: type)).utf8))
        if let issuerCode {
            request.issuerCode = issuerCode
            request.identifier = nil
            request.serial = request.serial ?? "2024000001"
        }
        if let issuer { request.issuer = issuer }
        return request
    }

    /// An issuer holding the stranger's key and certificate, with a seal of the given name.
    private func strangerIssuer(_ pki: LicencePKI, sealName: String) throws -> LicenceIssuer {
        let now = Date()
        let seal = try SealBuilder(
            name: sealName, type: 1,
            picture: try SealPicture(data: Fixtures.tinyPNG, widthMillimetres: 40, heightMillimetres: 40),
            signerCertificates: [pki.stranger], validStart: now.addingTimeInterval(-3_600),
            validEnd: now.addingTimeInterval(300 * 86_400)
        ).make(makerKey: pki.makerKey, makerCertificate: pki.maker)
        return try LicenceIssuer(seal: seal, privateKey: pki.strangerKey, certificate: pki.stranger)
    }

    @Test func anotherOfficeCannotAnnotate() throws {
        let pki = try LicencePKI.make()
        let data = try pki.licenceIssuer().prepare(try businessRequest(), typeCode: Self.business)
        let original = try LicenceFile(data: try pki.licenceIssuer().issue(data))
        let verifier = LicenceVerifier(trustAnchors: [pki.ca])
        let other = try strangerIssuer(pki, sealName: "另一机关电子印章")
        let expires = Date().addingTimeInterval(30 * 86_400)
        #expect {
            try other.annotate(original, purpose: "仅供办理银行开户使用", expires: expires, verifier: verifier)
        } throws: { error in
            guard let error = error as? ELicenseError, case .annotatorNotIssuer(_, let issuer, let code) = error else {
                return false
            }
            return issuer == data.metadata.issuer && code == data.metadata.issuerCode
                && error.code == "elicense.annotator_not_issuer" && error.chineseTerm == "加注机构不是颁发机构"
        }
        // The issuer itself (the key that sealed the licence) may.
        let copy = try pki.licenceIssuer().annotate(
            original, purpose: "仅供办理银行开户使用", expires: expires, verifier: verifier)
        #expect(verifier.verify(ofd: copy).verdict == .trusted)
    }

    @Test func aRenewedKeyAnnotatesThroughTheIssuersSeal() throws {
        let pki = try LicencePKI.make()
        let data = try pki.licenceIssuer().prepare(try businessRequest(), typeCode: Self.business)
        let original = try LicenceFile(data: try pki.licenceIssuer().issue(data))
        let verifier = LicenceVerifier(trustAnchors: [pki.ca])
        // Another key, but the seal is the issuing body's own (its name, then the seal's purpose).
        let renewed = try strangerIssuer(pki, sealName: data.metadata.issuer + "电子证照专用章")
        let copy = try renewed.annotate(
            original, purpose: "仅供办理入学", expires: Date().addingTimeInterval(86_400), verifier: verifier)
        let report = verifier.verify(ofd: copy)
        #expect(report.verdict == .trusted, "\(report.failures)")
        #expect(report.data?.metadata.annotation?.maker == data.metadata.issuer + "电子证照专用章")
    }

    @Test func anIssuerKeyedByADivisionCodeIssuesAndVerifies() throws {
        let pki = try LicencePKI.make()
        let request = try businessRequest(issuerCode: "440305", issuer: "深圳市南山区市场监督管理局")
        let data = try pki.licenceIssuer().prepare(request, typeCode: Self.business)
        #expect(data.metadata.identifierText.contains(".440305."))
        let report = LicenceVerifier(trustAnchors: [pki.ca]).verify(ofd: try pki.licenceIssuer().issue(data))
        #expect(report.verdict == .trusted, "\(report.failures)")
        let line = report.result(for: .issuerCode)
        #expect(line?.outcome == .passed)
        #expect(line?.detail.contains("南山区") == true)
    }

    @Test(arguments: [
        ("110103", "not in force"),  // 崇文区, merged into 东城区 in 2010; the example is issued in 2024
        ("990000", "no GB/T 2260 list"),
    ])
    func aDivisionCodeNotInForceIsRefused(code: String, reason: String) throws {
        let pki = try LicencePKI.make()
        let request = try businessRequest(issuerCode: code)
        #expect {
            try pki.licenceIssuer().prepare(request, typeCode: Self.business)
        } throws: { error in
            guard let error = error as? ELicenseError, case .invalidData(let field, let detail) = error else {
                return false
            }
            return field.contains("issuerCode") && detail.contains(code) && detail.contains(reason)
        }
    }
}
