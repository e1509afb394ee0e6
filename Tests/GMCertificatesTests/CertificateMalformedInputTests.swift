import Foundation
import GMCertificates
import GMCrypto
import Testing
import ZWKitTestSupport

/// Bad input of every kind becomes a typed `X509Error`, never a crash or a silent answer.
@Suite struct CertificateMalformedInputTests {
    let ca: OpenSSLPKI
    let pem: String
    let der: [UInt8]

    init() throws {
        ca = try OpenSSLPKI()
        try ca.makeRoot("root", subject: "/C=CN/CN=某某市人民政府")
        pem = try ca.read("root.pem")
        der = [UInt8](try X509Certificate(pemRepresentation: pem).derRepresentation)
    }

    func error(der bytes: [UInt8]) -> X509Error? {
        do {
            _ = try X509Certificate(derRepresentation: bytes)
            return nil
        } catch {
            return error
        }
    }

    func error(pem text: String) -> X509Error? {
        do {
            _ = try X509Certificate(pemRepresentation: text)
            return nil
        } catch {
            return error
        }
    }

    @Test func malformedPEM() throws {
        defer { ca.cleanUp() }
        #expect(error(pem: "") == .malformedPEM("no -----BEGIN CERTIFICATE----- block found"))
        #expect(error(pem: "hello") == .malformedPEM("no -----BEGIN CERTIFICATE----- block found"))
        let unfinished = pem.replacingOccurrences(of: "-----END CERTIFICATE-----", with: "")
        #expect(error(pem: unfinished)?.code == "x509.pem.malformed")
        let badBase64 = pem.replacingOccurrences(of: "M", with: "*")
        #expect(error(pem: badBase64)?.code == "x509.pem.malformed")
        let key = try ca.read("root.key")
        #expect(error(pem: key) == .unexpectedPEMLabel("PRIVATE KEY"))
        #expect(error(pem: key)?.chineseTerm == "PEM 格式错误")
    }

    @Test func truncatedDER() throws {
        defer { ca.cleanUp() }
        #expect(error(der: Array(der.dropLast(10))) == .truncatedDER(declared: der.count, actual: der.count - 10))
        #expect(error(der: []) == .truncatedDER(declared: 2, actual: 0))
        #expect(error(der: [0x30]) == .truncatedDER(declared: 2, actual: 1))
    }

    @Test func trailingGarbage() throws {
        defer { ca.cleanUp() }
        #expect(error(der: der + [0, 1, 2]) == .trailingData(byteCount: 3))
        #expect(error(der: der + [0, 1, 2])?.message == "3 bytes of trailing data after the certificate")
    }

    @Test func notACertificate() throws {
        defer { ca.cleanUp() }
        #expect(error(der: [0x04, 0x01, 0x00]) == .malformedDER("does not start with a SEQUENCE"))
        #expect(error(der: [0x30, 0x85, 1, 1, 1, 1, 1])?.code == "x509.der.malformed")
        #expect(error(der: [0x30, 0x03, 0x02, 0x01, 0x01])?.code == "x509.der.malformed")
    }

    /// Every prefix and every single-bit change of a real certificate either parses or
    /// throws an `X509Error`: nothing traps, nothing escapes untyped.
    @Test func everyTruncationAndBitFlipIsHandled() throws {
        defer { ca.cleanUp() }
        for length in 0..<der.count {
            #expect(error(der: Array(der.prefix(length))) != nil, "prefix of \(length) bytes parsed")
        }
        for index in der.indices {
            var flipped = der
            flipped[index] ^= 0x10
            _ = error(der: flipped)
        }
    }

    @Test(arguments: [
        ["-newkey", "rsa:2048"], ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384"],
    ])
    func unsupportedKeyTypes(_ keyArguments: [String]) throws {
        defer { ca.cleanUp() }
        try ca.openssl(
            ["req", "-x509", "-nodes", "-keyout", "other.key", "-out", "other.pem", "-subj", "/CN=other"] + keyArguments
        )
        let parsed = error(pem: try ca.read("other.pem"))
        #expect(parsed?.code == "x509.key.unsupported")
    }
}
