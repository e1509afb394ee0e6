import ELicense
import ESeal
import Foundation
import GMCertificates
import GMCrypto
import ZhengwuKitCore

/// Issues a business licence and an ID-card licence, verifies both, revokes one through a
/// status list, and tampers with the other to show the failing check.
struct ELicenseDemo: DemoSection {
    let title = "ELicense: electronic licences (GB/T 36901–36906)"

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    func run() async throws {
        let pki = try DemoPKI(signerName: "演示发证机关", sealName: "演示发证机关电子印章")
        let (ca, issuerKey, issuerCertificate, seal) = (pki.ca, pki.signerKey, pki.signer, pki.seal)
        let issuer = try LicenceIssuer(seal: seal, privateKey: issuerKey, certificate: issuerCertificate)
        let verifier = LicenceVerifier(trustAnchors: [ca])

        var files: [String: Data] = [:]
        var identifiers: [String: LicenceIdentifier] = [:]
        for code in ["11100000MB0143028R001", "11100000000013127D001"] {
            let type = try LicenceCatalogue.standard.type(code: code)
            guard let json = LicenceRequest.exampleJSON(for: type) else { throw Failure(description: "no example") }
            let data = try issuer.prepare(try LicenceRequest(json: Array(json.utf8)), typeCode: code)
            let ofd = try issuer.issue(data)
            let report = verifier.verify(ofd: ofd)
            Console.output("签发 \(type.name): \(ofd.count)-byte OFD, 证照标识 \(data.metadata.identifierText)")
            Console.output(
                "  验证: \(report.verdict.rawValue) (\(report.checks.count) checks, \(report.failures.count) failed)")
            guard report.verdict == .trusted else { throw Failure(description: "\(type.name): \(report.failures)") }
            files[code] = ofd
            identifiers[code] = try data.metadata.identifier()
        }

        // Revoke the business licence (07 吊销) through a signed status list.
        let business = try require(identifiers["11100000MB0143028R001"])
        let list = try LicenceStatusList.issue(
            issuerName: "演示发证机关", issuerCode: business.issuerCode,
            entries: [.init(identifier: business, status: .revoked, changedAt: Date(), reason: "演示吊销")],
            nextUpdate: Date().addingTimeInterval(86_400), key: issuerKey, certificate: issuerCertificate)
        var withList = verifier
        withList.statusList = list
        let revoked = withList.verify(ofd: try require(files["11100000MB0143028R001"]))
        Console.output("状态列表 (\(list.derRepresentation.count) bytes DER, SM2): \(business.masked) → 07 吊销")
        Console.output("  验证: \(revoked.verdict.rawValue), failing: \(revoked.failures.map(\.description))")
        guard revoked.failures.map(\.check) == [.status] else { throw Failure(description: "revocation not caught") }

        // Tamper with the ID card licence's data (its detached sealed copy): the seal names it.
        let file = try LicenceFile(data: try require(files["11100000000013127D001"]))
        let detached = try issuer.sealDetached(try LicenceXML.decode(file.dataXML))
        let forged = Array(
            String(decoding: detached.xml, as: UTF8.self).replacingOccurrences(of: "王芳", with: "李四").utf8)
        let tampered = verifier.verifyDetached(data: forged, signature: detached.signature)
        Console.output("篡改 居民身份证 data (王芳 → 李四): \(tampered.verdict.rawValue)")
        for line in tampered.failures { Console.output("  \(line)") }
        guard tampered.failures.map(\.check).contains(.seal) else { throw Failure(description: "tampering not caught") }

        // A wrong check character is reported with the expected one.
        do {
            _ = try LicenceIdentifier(
                parsing: "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.V",
                strictness: .strict)
            throw Failure(description: "a wrong check character was accepted")
        } catch let error as LicenceIdentifierError {
            Console.output("证照标识 …001.V: \(error.description)")
        }
    }

    private func require<T>(_ value: T?) throws -> T {
        guard let value else { throw Failure(description: "missing demo value") }
        return value
    }
}
