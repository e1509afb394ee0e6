import ELicense
import ESeal
import Foundation
import GMCertificates
import GMCrypto
import ZWKitTestSupport

/// A CA, a seal maker, an issuer (the seal's signer) and a stranger, made with the openssl CLI
/// once per run, and an issuing seal for the issuer.
struct LicencePKI: Sendable {
    let ca: X509Certificate
    let maker: X509Certificate
    let makerKey: SM2.Signing.PrivateKey
    let issuer: X509Certificate
    let issuerKey: SM2.Signing.PrivateKey
    let stranger: X509Certificate
    let strangerKey: SM2.Signing.PrivateKey
    let seal: ElectronicSeal

    static let shared: Result<LicencePKI, any Error> = Result { try LicencePKI() }

    static func make() throws -> LicencePKI { try shared.get() }

    private init() throws {
        let files = try OpenSSLPKI(sm2Leaves: ["maker", "issuer", "stranger"])
        defer { files.cleanUp() }
        ca = try X509Certificate(pemRepresentation: try files.read("ca.pem"))
        maker = try X509Certificate(pemRepresentation: try files.read("maker.pem"))
        makerKey = try SM2.Signing.PrivateKey(pemRepresentation: try files.read("maker.key"))
        issuer = try X509Certificate(pemRepresentation: try files.read("issuer.pem"))
        issuerKey = try SM2.Signing.PrivateKey(pemRepresentation: try files.read("issuer.key"))
        stranger = try X509Certificate(pemRepresentation: try files.read("stranger.pem"))
        strangerKey = try SM2.Signing.PrivateKey(pemRepresentation: try files.read("stranger.key"))
        let now = Date()
        seal = try SealBuilder(
            name: "示例发证机关电子印章", type: 1,
            picture: try SealPicture(data: Fixtures.tinyPNG, widthMillimetres: 40, heightMillimetres: 40),
            signerCertificates: [issuer], validStart: now.addingTimeInterval(-3_600),
            validEnd: now.addingTimeInterval(300 * 86_400)
        ).make(makerKey: makerKey, makerCertificate: maker)
    }

    func licenceIssuer() throws -> LicenceIssuer {
        try LicenceIssuer(seal: seal, privateKey: issuerKey, certificate: issuer)
    }

    /// The catalogue example for `type`, prepared (checked, signer fields filled).
    func exampleData(_ type: LicenceType, at time: Date = Date()) throws -> LicenceData {
        let json = try require(LicenceRequest.exampleJSON(for: type), "example")
        return try licenceIssuer().prepare(LicenceRequest(json: Array(json.utf8)), typeCode: type.code, at: time)
    }

    func statusList(
        _ entries: [LicenceStatusList.Entry], issuerCode: String, thisUpdate: Date = Date().addingTimeInterval(-60),
        nextUpdate: Date = Date().addingTimeInterval(86_400), signedByStranger: Bool = false
    ) throws -> LicenceStatusList {
        try LicenceStatusList.issue(
            issuerName: "示例发证机关", issuerCode: issuerCode, entries: entries, thisUpdate: thisUpdate,
            nextUpdate: nextUpdate, key: signedByStranger ? strangerKey : issuerKey,
            certificate: signedByStranger ? stranger : issuer)
    }
}

/// `#require` outside a test function.
func require<T>(_ value: T?, _ what: String = "value") throws -> T {
    guard let value else { throw FixtureError.missing("\(what) is nil") }
    return value
}
