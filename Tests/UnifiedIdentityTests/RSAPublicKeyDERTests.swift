import Foundation
import Testing
import ZWKitTestSupport

@testable import UnifiedIdentity

/// The RSA public key reader (swift-asn1) against keys and numbers the openssl CLI writes.
@Suite struct RSAPublicKeyDERTests {
    /// A public key DER from `openssl genpkey`, with the modulus openssl prints for it.
    private static func opensslKey(exponent: Int, bits: Int = 2048) throws -> (der: [UInt8], modulusHex: String)? {
        guard Processes.which("openssl") != nil else {
            print("openssl is not on PATH: the RSA reader's cross-check is skipped")
            return nil
        }
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let keygen = try Processes.run(
            "openssl",
            [
                "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:\(bits)", "-pkeyopt",
                "rsa_keygen_pubexp:\(exponent)", "-out", "key.pem",
            ], currentDirectory: directory)
        #expect(keygen.status == 0, "\(keygen.stderrText)")
        let der = try Processes.run(
            "openssl", ["pkey", "-in", "key.pem", "-pubout", "-outform", "DER"], currentDirectory: directory)
        let modulus = try Processes.run(
            "openssl", ["rsa", "-in", "key.pem", "-noout", "-modulus"], currentDirectory: directory)
        let hex = modulus.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(hex.hasPrefix("Modulus="))
        return (Array(der.stdout), String(hex.dropFirst("Modulus=".count)).lowercased())
    }

    private static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test(arguments: [65_537, 3])
    func readsTheNumbersOpensslWrote(exponent: Int) throws {
        guard let key = try Self.opensslKey(exponent: exponent) else { return }
        let numbers = try #require(RSAPublicKeyDER.components(of: key.der))
        #expect(Self.hex(numbers.modulus) == key.modulusHex)
        #expect(numbers.modulus.count == 256 && numbers.modulus[0] & 0x80 != 0)
        #expect(numbers.exponent == (exponent == 3 ? [3] : [1, 0, 1]))
    }

    @Test func refusesEveryBrokenForm() throws {
        guard let key = try Self.opensslKey(exponent: 65_537) else { return }
        let der = key.der
        // Cut short, with a byte too many, with another outer tag.
        #expect(RSAPublicKeyDER.components(of: Array(der.dropLast())) == nil)
        #expect(RSAPublicKeyDER.components(of: der + [0]) == nil)
        #expect(RSAPublicKeyDER.components(of: [0x31] + der.dropFirst()) == nil)
        #expect(RSAPublicKeyDER.components(of: []) == nil)
        // Another algorithm's OID (rsaEncryption's last arc changed to 2).
        let oid: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]
        let at = try #require(Self.firstIndex(of: oid, in: der))
        var otherAlgorithm = der
        otherAlgorithm[at + oid.count - 1] = 0x02
        #expect(RSAPublicKeyDER.components(of: otherAlgorithm) == nil)
        // The modulus made negative: its leading 00 byte turned into FF.
        let modulusStart = try #require(Self.firstIndex(of: [0x02, 0x82, 0x01, 0x01, 0x00], in: der))
        var negative = der
        negative[modulusStart + 4] = 0xFF
        #expect(RSAPublicKeyDER.components(of: negative) == nil)
        // Unused bits in the BIT STRING.
        let bitString = try #require(Self.firstIndex(of: [0x03, 0x82, 0x01, 0x0F, 0x00], in: der))
        var padded = der
        padded[bitString + 4] = 0x01
        #expect(RSAPublicKeyDER.components(of: padded) == nil)
    }

    @Test func refusesAnECKey() throws {
        guard Processes.which("openssl") != nil else { return }
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        _ = try Processes.run(
            "openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.pem"],
            currentDirectory: directory)
        let der = try Processes.run(
            "openssl", ["pkey", "-in", "ec.pem", "-pubout", "-outform", "DER"], currentDirectory: directory)
        #expect(!der.stdout.isEmpty)
        #expect(RSAPublicKeyDER.components(of: Array(der.stdout)) == nil)
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }
}
