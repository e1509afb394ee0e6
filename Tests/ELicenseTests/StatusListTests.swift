import ELicense
import Foundation
import Testing
import ZWKitTestSupport

@Suite struct StatusListTests {
    static let id = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U"

    @Test func issuedListReadsBack() throws {
        let pki = try LicencePKI.make()
        let identifier = try LicenceIdentifier(parsing: Self.id)
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let list = try LicenceStatusList.issue(
            issuerName: "示例发证机关", issuerCode: "11430000006122244L",
            entries: [.init(identifier: identifier, status: .suspended, changedAt: now, reason: "暂扣六个月")],
            thisUpdate: now, nextUpdate: now.addingTimeInterval(3_600), key: pki.issuerKey, certificate: pki.issuer)
        let read = try LicenceStatusList(derEncoded: list.derRepresentation)
        #expect(read == list)
        #expect(read.hasValidSignature)
        #expect(read.entry(for: identifier)?.status == .suspended)
        #expect(read.entry(for: identifier)?.reason == "暂扣六个月")
        #expect(read.thisUpdate == now)
        #expect(read.isCurrent(at: now.addingTimeInterval(10)))
        #expect(!read.isCurrent(at: now.addingTimeInterval(3_600)))
    }

    @Test func refusesWhatItCannotStandBehind() throws {
        let pki = try LicencePKI.make()
        let identifier = try LicenceIdentifier(parsing: Self.id)
        #expect(throws: ELicenseError.self) {
            try LicenceStatusList.issue(
                issuerName: "x", issuerCode: "", entries: [], thisUpdate: Date(),
                nextUpdate: Date().addingTimeInterval(-1),
                key: pki.issuerKey, certificate: pki.issuer)
        }
        #expect(throws: ELicenseError.self) {
            try LicenceStatusList.issue(
                issuerName: "x", issuerCode: "", entries: [], nextUpdate: Date().addingTimeInterval(60),
                key: pki.strangerKey, certificate: pki.issuer)
        }
        let twice = LicenceStatusList.Entry(identifier: identifier, status: .revoked, changedAt: Date())
        #expect(throws: ELicenseError.self) {
            try LicenceStatusList.issue(
                issuerName: "x", issuerCode: "", entries: [twice, twice], nextUpdate: Date().addingTimeInterval(60),
                key: pki.issuerKey, certificate: pki.issuer)
        }
        for garbage in [[], [0x30, 0x00], Array(repeating: UInt8(0x30), count: 40)] as [[UInt8]] {
            #expect(throws: ELicenseError.self) { try LicenceStatusList(derEncoded: garbage) }
        }
    }

    /// The list's structure and signature checked without ZhengwuKit: Python's asn1crypto takes
    /// it apart and the openssl CLI verifies the SM2 signature over the signed bytes with the
    /// public key of the embedded certificate.
    @Test func opensslVerifiesTheSignature() throws {
        guard try Processes.pythonHas(["asn1crypto"]) else { return }
        let pki = try LicencePKI.make()
        let list = try LicenceStatusList.issue(
            issuerName: "示例发证机关", issuerCode: "11430000006122244L",
            entries: [.init(identifier: try LicenceIdentifier(parsing: Self.id), status: .revoked, changedAt: Date())],
            nextUpdate: Date().addingTimeInterval(600), key: pki.issuerKey, certificate: pki.issuer)
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        try Data(list.derRepresentation).write(to: directory.appendingPathComponent("list.der"))
        let script = """
            import sys
            from asn1crypto.core import Sequence, Any
            directory = sys.argv[1]
            outer = Sequence.load(open(directory + "/list.der", "rb").read())
            tbs, algorithm, signature = outer[0], outer[1], outer[2]
            open(directory + "/tbs.der", "wb").write(tbs.dump())
            print(algorithm.native)
            bits = signature.contents
            assert bits[0] == 0, "unused bits"
            open(directory + "/sig.der", "wb").write(bits[1:])
            fields = Sequence.load(tbs.dump())
            print(fields[0].native, fields[2].native, len(fields[5]))
            open(directory + "/cert.der", "wb").write(fields[6].contents)
            """
        let parsed = try Processes.python(script, [directory.path])
        #expect(parsed.status == 0, "\(parsed.stderrText)")
        #expect(parsed.stdoutText.contains("1.2.156.10197.1.501"))
        #expect(parsed.stdoutText.contains("1 11430000006122244L 1"))
        let key = try Processes.run(
            "openssl", ["x509", "-inform", "DER", "-in", "cert.der", "-pubkey", "-noout", "-out", "pub.pem"],
            currentDirectory: directory)
        #expect(key.status == 0, "\(key.stderrText)")
        func verify() throws -> ProcessResult {
            try Processes.run(
                "openssl",
                [
                    "dgst", "-sm3", "-verify", "pub.pem", "-sigopt", "distid:1234567812345678", "-signature", "sig.der",
                    "tbs.der",
                ],
                currentDirectory: directory)
        }
        let good = try verify()
        #expect(good.status == 0, "\(good.stdoutText) \(good.stderrText)")
        // The same check refuses a changed list.
        var tbs = Array(try Data(contentsOf: directory.appendingPathComponent("tbs.der")))
        tbs[tbs.count - 1] ^= 1
        try Data(tbs).write(to: directory.appendingPathComponent("tbs.der"))
        #expect(try verify().status != 0)
    }
}
