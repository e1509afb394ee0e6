import ELicense
import ESeal
import Foundation
import Testing
import ZWKitTestSupport
import ZhengwuKitCore

/// Issue and verify every catalogued type with a detached seal signature, and reject each
/// single failure with the right check named.
@Suite struct DetachedVerificationTests {
    static let business = "11100000MB0143028R001"
    static let idCard = "11100000000013127D001"

    func verifier(_ pki: LicencePKI, list: LicenceStatusList? = nil, mode: VerificationMode = .full) -> LicenceVerifier
    {
        LicenceVerifier(trustAnchors: [pki.ca], statusList: list, mode: mode)
    }

    @Test(arguments: LicenceCatalogue.standard.types)
    func everyTypeIssuesAndVerifies(type: LicenceType) throws {
        let pki = try LicencePKI.make()
        let data = try pki.exampleData(type)
        let detached = try pki.licenceIssuer().sealDetached(data)
        let report = verifier(pki).verifyDetached(data: detached.xml, signature: detached.signature)
        #expect(report.verdict == .trusted, "\(type.name): \(report.failures) \(report.unchecked)")
        #expect(report.isValid)
        #expect(report.data == data)
        let names = Set(report.checks.map(\.check))
        #expect(
            names.isSuperset(of: [
                .seal, .sealTrust, .metadataSchema, .faceSchema, .identifier, .holderCode, .issuerCode, .dates,
                .validityPeriod, .registeredType,
            ]))
    }

    @Test func withoutTrustAnchorsItIsUntrustedAndIntegrityOnlyIsIntact() throws {
        let pki = try LicencePKI.make()
        let data = try pki.exampleData(try LicenceCatalogue.standard.type(code: Self.business))
        let detached = try pki.licenceIssuer().sealDetached(data)
        let bare = LicenceVerifier().verifyDetached(data: detached.xml, signature: detached.signature)
        #expect(bare.verdict == .untrusted)
        #expect(bare.trust == .notChecked)
        #expect(!bare.isValid)
        let integrity = LicenceVerifier(mode: .integrityOnly).verifyDetached(
            data: detached.xml, signature: detached.signature)
        #expect(integrity.verdict == .intact)
        #expect(integrity.isValid)
        // A stranger's root is no anchor for this issuer.
        let foreign = LicenceVerifier(trustAnchors: [pki.stranger]).verifyDetached(
            data: detached.xml, signature: detached.signature)
        #expect(foreign.verdict == .untrusted)
        #expect(foreign.result(for: .sealTrust)?.outcome == .failed)
    }

    /// Seals `change`d example data without the issuer's checks, and verifies it.
    func verifyChanged(
        _ typeCode: String = Self.business, list: LicenceStatusList? = nil, at time: Date = Date(),
        _ change: (inout LicenceData) throws -> Void
    ) throws -> LicenceVerificationReport {
        let pki = try LicencePKI.make()
        var data = try pki.exampleData(try LicenceCatalogue.standard.type(code: typeCode))
        try change(&data)
        let detached = try pki.licenceIssuer().sealDetached(data)
        return verifier(pki, list: list).verifyDetached(data: detached.xml, signature: detached.signature, at: time)
    }

    func expectOnlyFailure(
        _ report: LicenceVerificationReport, _ check: LicenceCheck, _ sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(report.verdict == .invalid, sourceLocation: sourceLocation)
        #expect(report.failures.map(\.check) == [check], "\(report.failures)", sourceLocation: sourceLocation)
    }

    @Test func badHolderIDFailsHolderCode() throws {
        let report = try verifyChanged(Self.idCard) { $0.metadata.holderCode = "110105194912310021" }
        expectOnlyFailure(report, .holderCode)
    }

    @Test func badHolderCreditCodeFailsHolderCode() throws {
        let report = try verifyChanged { $0.metadata.holderCode = "91110000600037341N" }
        expectOnlyFailure(report, .holderCode)
    }

    @Test func badIssuerCreditCodeFailsIssuerCode() throws {
        // The identifier is rebuilt over the bad code, so only the issuer-code rule is broken.
        let report = try verifyChanged { data in
            data.metadata.issuerCode = "11110000000012343C"
            let old = try? data.metadata.identifier()
            data.metadata.identifierText =
                (try? LicenceIdentifier(
                    typeCode: data.metadata.typeCode, issuerCode: "11110000000012343C", serial: old?.serial ?? "1"
                ).rawValue) ?? ""
        }
        expectOnlyFailure(report, .issuerCode)
    }

    @Test func wrongCheckCharacterFailsIdentifierNamingTheExpectedOne() throws {
        var expected = ""
        let report = try verifyChanged { data in
            let text = data.metadata.identifierText
            expected = String(text.suffix(1))
            let wrong: Character = expected == "A" ? "B" : "A"
            data.metadata.identifierText = String(text.dropLast()) + String(wrong)
        }
        expectOnlyFailure(report, .identifier)
        #expect(report.result(for: .identifier)?.detail.contains("should be \(expected)") == true)
    }

    @Test func expiredLicenceFailsValidityPeriod() throws {
        let report = try verifyChanged(Self.idCard) { data in
            data.metadata.validUntil = try require(ValidityEnd("2024-12-31"), "date")
        }
        expectOnlyFailure(report, .validityPeriod)
        #expect(report.result(for: .validityPeriod)?.detail.contains("expired") == true)
    }

    @Test func tamperedDataFailsTheSeal() throws {
        let pki = try LicencePKI.make()
        let data = try pki.exampleData(try LicenceCatalogue.standard.type(code: Self.business))
        let detached = try pki.licenceIssuer().sealDetached(data)
        var xml = detached.xml
        let text = String(decoding: xml, as: UTF8.self).replacingOccurrences(of: "示例科技有限公司", with: "冒名科技有限公司")
        xml = Array(text.utf8)
        let report = verifier(pki).verifyDetached(data: xml, signature: detached.signature)
        expectOnlyFailure(report, .seal)
        #expect(report.result(for: .seal)?.detail.contains("dataHash") == true)
    }

    @Test func schemaViolationFailsFaceSchema() throws {
        let report = try verifyChanged { $0.face["KZ_CLRQ"] = "2003-13-01" }
        expectOnlyFailure(report, .faceSchema)
    }

    @Test func unknownTypeFailsRegisteredType() throws {
        let report = try verifyChanged { data in
            data.metadata.typeCode = "11100000MB0143028R999"
            let old = try? data.metadata.identifier()
            data.metadata.identifierText =
                (try? LicenceIdentifier(
                    typeCode: "11100000MB0143028R999", issuerCode: data.metadata.issuerCode, serial: old?.serial ?? "1"
                ).rawValue) ?? ""
        }
        #expect(report.verdict == .invalid)
        #expect(Set(report.failures.map(\.check)) == [.registeredType, .faceSchema])
    }

    @Test func revokedLicenceFailsStatus() throws {
        let pki = try LicencePKI.make()
        let data = try pki.exampleData(try LicenceCatalogue.standard.type(code: Self.business))
        let id = try data.metadata.identifier()
        let list = try pki.statusList(
            [.init(identifier: id, status: .revoked, changedAt: Date(), reason: "吊销营业执照")],
            issuerCode: data.metadata.issuerCode)
        let detached = try pki.licenceIssuer().sealDetached(data)
        let report = verifier(pki, list: list).verifyDetached(data: detached.xml, signature: detached.signature)
        expectOnlyFailure(report, .status)
        #expect(report.result(for: .status)?.detail.contains("07 吊销") == true)
        // Listed as in force, or not listed at all: the status line passes.
        let fine = try pki.statusList(
            [.init(identifier: id, status: .valid, changedAt: Date())], issuerCode: data.metadata.issuerCode)
        #expect(
            verifier(pki, list: fine).verifyDetached(data: detached.xml, signature: detached.signature).verdict
                == .trusted)
    }

    @Test func staleStatusListFails() throws {
        let pki = try LicencePKI.make()
        let data = try pki.exampleData(try LicenceCatalogue.standard.type(code: Self.business))
        let list = try pki.statusList(
            [], issuerCode: data.metadata.issuerCode, thisUpdate: Date().addingTimeInterval(-3 * 86_400),
            nextUpdate: Date().addingTimeInterval(-86_400))
        let detached = try pki.licenceIssuer().sealDetached(data)
        let report = verifier(pki, list: list).verifyDetached(data: detached.xml, signature: detached.signature)
        expectOnlyFailure(report, .statusListFreshness)
        #expect(report.result(for: .statusListFreshness)?.detail.contains("stale") == true)
    }

    @Test func wronglySignedStatusListFails() throws {
        let pki = try LicencePKI.make()
        let data = try pki.exampleData(try LicenceCatalogue.standard.type(code: Self.business))
        let list = try pki.statusList([], issuerCode: data.metadata.issuerCode)
        // Flip one bit of the signed entries' encoding: the signature no longer covers the list.
        var bytes = list.derRepresentation
        let name = Array("示例发证机关".utf8)
        let index = try require(bytes.firstRange(of: name)?.lowerBound, "issuer name")
        bytes[index + 1] ^= 0x01
        let altered = try LicenceStatusList(derEncoded: bytes)
        #expect(!altered.hasValidSignature)
        let detached = try pki.licenceIssuer().sealDetached(data)
        let report = verifier(pki, list: altered).verifyDetached(data: detached.xml, signature: detached.signature)
        expectOnlyFailure(report, .statusListSignature)
        // Signed by a stranger for this issuer code: intact, but its signer is not the issuer's
        // and not under the anchors.
        let strangers = try pki.statusList([], issuerCode: data.metadata.issuerCode, signedByStranger: true)
        let other = verifier(pki, list: strangers).verifyDetached(data: detached.xml, signature: detached.signature)
        #expect(!other.isValid)
        #expect(other.result(for: .statusListIssuer)?.outcome == .failed)
        // Named as a status authority, the same list is accepted.
        var named = verifier(pki, list: strangers)
        named.statusAuthorities = [pki.stranger]
        #expect(named.verifyDetached(data: detached.xml, signature: detached.signature).verdict == .trusted)
    }

    @Test func issuerRefusesWhatTheVerifierWouldReject() throws {
        let pki = try LicencePKI.make()
        let type = try LicenceCatalogue.standard.type(code: Self.idCard)
        var request = try LicenceRequest(json: Array(try require(LicenceRequest.exampleJSON(for: type)).utf8))
        request.holderCode = "110105194912310021"
        let issuer = try pki.licenceIssuer()
        do {
            _ = try issuer.prepare(request, typeCode: type.code)
            Issue.record("a bad holder ID was issued")
        } catch {
            #expect(error.code == "elicense.invalid_data")
            #expect(error.message.contains("holderCode"))
        }
        #expect(throws: ELicenseError.unknownType("11100000MB0143028R999")) {
            try pki.licenceIssuer().prepare(request, typeCode: "11100000MB0143028R999")
        }
    }
}
