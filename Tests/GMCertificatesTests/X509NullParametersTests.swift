import Foundation
import GMCertificates
import GMCrypto
import Testing
import ZWKitTestSupport

/// Real seal certificates carry `SEQUENCE { sm3WithSM2, NULL }` as their signature
/// algorithm, where RFC 5758 style would omit the parameters. Such certificates must parse
/// and verify.
@Suite struct X509NullParametersTests {
    static let sm3WithSM2 = [0x06, 0x08, 0x2A, 0x81, 0x1C, 0xCF, 0x55, 0x01, 0x83, 0x75] as [UInt8]

    @Test func sm3WithSM2WithNullParametersParsesAndVerifies() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let rootKey = try ca.generateKey("root")
        let leafKey = try ca.generateKey("leaf")
        let root = try X509CertificateBuilder.certificateAuthority(subject: [.commonName("根")], validFor: 86_400 * 30)
            .selfSigned(with: rootKey)
        let plain = try X509CertificateBuilder.endEntity(subject: [.commonName("印章签章人")], validFor: 86_400 * 30)
            .issue(for: leafKey.publicKey, issuer: root, issuerKey: rootKey)

        // Re-encode both algorithm identifiers with NULL parameters and re-sign with OpenSSL.
        let outer = try DERReader.children(of: [UInt8](plain.derRepresentation))
        var tbsFields = try DERReader.children(of: outer[0])
        let algorithmIndex = tbsFields[0].first == 0xA0 ? 2 : 1
        #expect(tbsFields[algorithmIndex] == DERReader.encode(0x30, Self.sm3WithSM2))
        let withNull = DERReader.encode(0x30, Self.sm3WithSM2 + [0x05, 0x00])
        tbsFields[algorithmIndex] = withNull
        let tbs = DERReader.encode(0x30, tbsFields.flatMap { $0 })
        try Data(tbs).write(to: ca.directory.appendingPathComponent("tbs.der"))
        try ca.openssl([
            "dgst", "-sm3", "-sign", "root.key", "-sigopt", OpenSSLPKI.distinguishingID, "-out", "tbs.sig",
            "tbs.der",
        ])
        let signature = [UInt8](try Data(contentsOf: ca.directory.appendingPathComponent("tbs.sig")))
        let der = DERReader.encode(0x30, tbs + withNull + DERReader.encode(0x03, [0] + signature))

        let certificate = try X509Certificate(derRepresentation: der)
        try ca.save(root, as: "root")
        try ca.save(certificate, as: "null")
        #expect(try ca.acceptsLink("null.pem", issuedBy: "root.pem"))
        #expect(certificate.signatureAlgorithm == .sm3WithSM2)
        #expect(certificate.subject.commonName == "印章签章人")
        #expect(certificate.isValidSignature(issuedBy: root))
        #expect(X509Verifier(trustRoots: [root]).verify(certificate).isValid)
    }
}

/// Just enough DER to take a certificate apart and put it back together in a test.
enum DERReader {
    struct Malformed: Error {}

    /// The complete TLVs inside the constructed TLV `bytes`.
    static func children(of bytes: [UInt8]) throws -> [[UInt8]] {
        let (header, length) = try self.header(bytes[...])
        var content = bytes[header..<(header + length)]
        var result: [[UInt8]] = []
        while !content.isEmpty {
            let (childHeader, childLength) = try self.header(content)
            result.append(Array(content.prefix(childHeader + childLength)))
            content = content.dropFirst(childHeader + childLength)
        }
        return result
    }

    static func encode(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        var length: [UInt8]
        if content.count < 0x80 {
            length = [UInt8(content.count)]
        } else {
            var value = content.count
            length = []
            while value > 0 {
                length.insert(UInt8(value & 0xFF), at: 0)
                value >>= 8
            }
            length.insert(0x80 | UInt8(length.count), at: 0)
        }
        return [tag] + length + content
    }

    private static func header(_ bytes: ArraySlice<UInt8>) throws -> (header: Int, length: Int) {
        let start = bytes.startIndex
        guard bytes.count >= 2 else { throw Malformed() }
        let first = Int(bytes[start + 1])
        guard first & 0x80 != 0 else { return (2, first) }
        let count = first & 0x7F
        guard bytes.count >= 2 + count else { throw Malformed() }
        let length = bytes[(start + 2)..<(start + 2 + count)].reduce(0) { $0 << 8 | Int($1) }
        return (2 + count, length)
    }
}
