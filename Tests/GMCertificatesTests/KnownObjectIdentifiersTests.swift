import GMCrypto
import SwiftASN1
import Testing

@testable import GMCertificates

/// The stored texts of common OIDs must read exactly as swift-asn1 formats their encodings.
@Suite struct KnownObjectIdentifiersTests {
    @Test(arguments: KnownObjectIdentifiers.texts)
    func storedTextMatchesSwiftASN1(text: String) throws {
        let content = try #require(KnownObjectIdentifiers.encode(text))
        let node = try DER.parse([0x06, UInt8(content.count)] + content)
        #expect(try ASN1ObjectIdentifier(derEncoded: node).description == text)
        #expect(KnownObjectIdentifiers.text(of: content[...]) == text)
        #expect(try node.dottedOID() == text)
    }

    @Test func unknownOIDIsStillFormatted() throws {
        // 1.2.156.10197.1.504 (SM3 with RSA) is not in the table.
        let node = try DER.parse([0x06, 0x08, 0x2A, 0x81, 0x1C, 0xCF, 0x55, 0x01, 0x83, 0x78])
        #expect(try node.dottedOID() == ASN1ObjectIdentifier(derEncoded: node).description)
        #expect(try node.dottedOID() == "1.2.156.10197.1.504")
    }

    @Test(arguments: ["", "1", "3.1", "1.40", "1..2", "1.2.x"])
    func malformedTextHasNoEncoding(text: String) {
        #expect(KnownObjectIdentifiers.encode(text) == nil)
    }
}
