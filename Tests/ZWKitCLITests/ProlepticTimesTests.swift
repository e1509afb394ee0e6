import Foundation
import Testing
import ZWKitTestSupport

/// Times before 1582 are read and printed in the proleptic Gregorian calendar everywhere, as
/// OpenSSL prints them: Foundation's `formatted(.iso8601)` and `Date.description` turn Julian
/// there and used to shift them by nine or ten days.
@Suite struct ProlepticTimesTests {
    @Test func certificatesListsAndSealsShowTheDayTheyHold() throws {
        let pki = try OpenSSLPKI(sm2Leaves: ["maker", "signer"])
        defer { pki.cleanUp() }
        func zwkit(_ arguments: [String]) throws -> ProcessResult {
            let result = try Processes.zwkit(arguments, currentDirectory: pki.directory)
            #expect(result.status == 0, "\(arguments): \(result.stderrText)")
            return result
        }
        try pki.makeKey("old")
        _ = try zwkit([
            "cert", "issue", "--subject", "CN=Old", "--ca", "--key", "old.key", "--out", "old.pem", "--not-before",
            "1500-03-01", "--days", "1",
        ])
        let dates = try pki.openssl(["x509", "-in", "old.pem", "-noout", "-startdate", "-enddate"]).stdoutText
        #expect(dates.contains("notBefore=Mar  1 00:00:00 1500 GMT"), "\(dates)")
        let shown = try JSONSerialization.jsonObject(with: try zwkit(["cert", "show", "--json", "old.pem"]).stdout)
        let certificate = try #require(shown as? [String: Any])
        #expect(certificate["notBefore"] as? String == "1500-03-01T00:00:00Z")
        #expect(certificate["notAfter"] as? String == "1500-03-02T00:00:00Z")

        _ = try zwkit([
            "cert", "crl", "issue", "--ca-cert", "old.pem", "--ca-key", "old.key", "--this-update",
            "1500-03-01T12:00:00Z", "--out", "old-crl.pem",
        ])
        let lastUpdate = try pki.openssl(["crl", "-in", "old-crl.pem", "-noout", "-lastupdate"]).stdoutText
        #expect(lastUpdate.contains("Mar  1 12:00:00 1500 GMT"), "\(lastUpdate)")
        let list = try JSONSerialization.jsonObject(
            with: try zwkit(["cert", "crl", "show", "--json", "old-crl.pem"]).stdout)
        let fields = (list as? [String: Any])?["list"] as? [String: Any]
        #expect(fields?["thisUpdate"] as? String == "1500-03-01T12:00:00Z")
        #expect(fields?["nextUpdate"] as? String == "1500-03-08T12:00:00Z")

        try Data(Fixtures.tinyPNG).write(to: pki.directory.appendingPathComponent("seal.png"))
        _ = try zwkit([
            "seal", "make", "--name", "测试局", "--type", "1", "--maker-key", "maker.key", "--maker-cert",
            "maker.pem", "--signer-cert", "signer.pem", "--picture", "seal.png", "--width", "40", "--height", "40",
            "--valid-from", "1500-03-01", "--valid-to", "2099-01-01T00:00:00Z", "--output", "old.esl",
        ])
        let text = try zwkit(["seal", "show", "old.esl"]).stdoutText
        #expect(text.contains("validity           1500-03-01T00:00:00Z – 2099-01-01T00:00:00Z"), "\(text)")
    }
}
