import Foundation
import GMCertificates
import GMCrypto
import Testing

/// Version fields of certificates, lists and OCSP responses with values no standard
/// defines, up to the largest a 64-bit INTEGER holds: a typed error, never a trap.
@Suite struct VersionFieldTests {
    static let largest: [UInt8] = [0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]

    @Test(arguments: [[0x03], [0x7F], [0xFF], largest])
    func certificateVersionOutsideV1ToV3IsRejected(version: [UInt8]) throws {
        let key = X509Certificate.PrivateKey.generate(.sm2)
        let certificate = try X509CertificateBuilder.certificateAuthority(subject: [.commonName("版本")], validFor: 3_600)
            .selfSigned(with: key)
        let der = Array(certificate.derRepresentation)
        let outer = DERSplice.children(der)
        var tbs = DERSplice.children(outer[0])
        #expect(tbs[0] == [0xA0, 0x03, 0x02, 0x01, 0x02])
        // The re-assembly itself is faithful.
        #expect(DERSplice.sequence([DERSplice.sequence(tbs), outer[1], outer[2]]) == der)
        tbs[0] = DERSplice.tlv(0xA0, DERSplice.tlv(0x02, version))
        let edited = DERSplice.sequence([DERSplice.sequence(tbs), outer[1], outer[2]])
        #expect(throws: X509Error.self) { try X509Certificate(derRepresentation: edited) }
    }

    @Test func certificateVersionsV1ToV3AreRead() throws {
        let key = X509Certificate.PrivateKey.generate(.sm2)
        let certificate = try X509CertificateBuilder.certificateAuthority(subject: [.commonName("版本")], validFor: 3_600)
            .selfSigned(with: key)
        #expect(certificate.version == 3)
    }

    @Test(arguments: [[0x02], [0x7F], [0xFF], largest])
    func listVersionOtherThanV2IsRejected(version: [UInt8]) throws {
        let key = X509Certificate.PrivateKey.generate(.sm2)
        let issuer = try X509CertificateBuilder.certificateAuthority(subject: [.commonName("CRL CA")], validFor: 3_600)
            .selfSigned(with: key)
        let list = try X509RevocationListBuilder(crlNumber: 1, validFor: 3_600).issue(issuer: issuer, issuerKey: key)
        let outer = DERSplice.children(Array(list.derRepresentation))
        var tbs = DERSplice.children(outer[0])
        #expect(tbs[0] == [0x02, 0x01, 0x01])
        tbs[0] = DERSplice.tlv(0x02, version)
        let edited = DERSplice.sequence([DERSplice.sequence(tbs), outer[1], outer[2]])
        #expect(throws: X509RevocationListError.self) { try X509RevocationList(derRepresentation: edited) }
    }

    @Test(arguments: [[0x01], [0x7F], [0xFF], largest])
    func ocspResponseDataVersionOtherThanV1IsRejected(version: [UInt8]) throws {
        // OCSPResponse { successful, [0] { id-pkix-ocsp-basic, OCTET STRING { BasicOCSPResponse } } }
        // whose ResponseData starts with an explicit version.
        let sm2WithSM3 = DERSplice.sequence([DERSplice.tlv(0x06, [0x2A, 0x81, 0x1C, 0xCF, 0x55, 0x01, 0x83, 0x75])])
        let responseData = DERSplice.sequence([
            DERSplice.tlv(0xA0, DERSplice.tlv(0x02, version)),
            DERSplice.tlv(0xA2, DERSplice.tlv(0x04, Array(repeating: 0x11, count: 20))),
            DERSplice.tlv(0x18, Array("20260101000000Z".utf8)),
            DERSplice.sequence([]),
        ])
        let basic = DERSplice.sequence([responseData, sm2WithSM3, DERSplice.tlv(0x03, [0x00, 0x01])])
        let basicType = DERSplice.tlv(0x06, [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x01])
        let response = DERSplice.sequence([
            DERSplice.tlv(0x0A, [0x00]),
            DERSplice.tlv(0xA0, DERSplice.sequence([basicType, DERSplice.tlv(0x04, basic)])),
        ])
        #expect(throws: X509OCSPError.self) { try X509OCSPResponse(derRepresentation: response) }
    }
}

/// Takes DER apart into its TLVs and puts it back together, for editing one field.
enum DERSplice {
    /// The child TLVs of the constructed TLV `der`.
    static func children(_ der: [UInt8]) -> [[UInt8]] {
        let (start, length) = header(der, at: 0)
        var children: [[UInt8]] = []
        var index = start
        while index < start + length {
            let (childStart, childLength) = header(der, at: index)
            children.append(Array(der[index..<(childStart + childLength)]))
            index = childStart + childLength
        }
        return children
    }

    static func tlv(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        let count = content.count
        let length: [UInt8] =
            count < 0x80
            ? [UInt8(count)] : count < 0x100 ? [0x81, UInt8(count)] : [0x82, UInt8(count >> 8), UInt8(count & 0xFF)]
        return [tag] + length + content
    }

    static func sequence(_ elements: [[UInt8]]) -> [UInt8] { tlv(0x30, elements.flatMap { $0 }) }

    /// Where the content of the TLV at `index` starts, and its length.
    private static func header(_ der: [UInt8], at index: Int) -> (Int, Int) {
        let first = Int(der[index + 1])
        guard first & 0x80 != 0 else { return (index + 2, first) }
        let count = first & 0x7F
        let length = der[(index + 2)..<(index + 2 + count)].reduce(0) { $0 << 8 | Int($1) }
        return (index + 2 + count, length)
    }
}
