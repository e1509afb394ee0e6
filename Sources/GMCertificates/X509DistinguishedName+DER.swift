import GMCrypto
import SwiftASN1

extension X509Certificate.DistinguishedName {
    /// Reads a DER `Name` with the value types and decoding OpenSSL applies to names
    /// (`X509_NAME_ENTRY` values, `ASN1_STRING_to_UTF8`):
    ///
    /// - UTF8String must be valid UTF-8;
    /// - PrintableString, NumericString, IA5String and T61String are taken byte by byte as
    ///   Latin-1, as OpenSSL does (T61 is in practice Latin-1 or ASCII);
    /// - BMPString is UCS-2 and UniversalString UCS-4, big-endian, without surrogates;
    /// - any other type (VisibleString, a SEQUENCE, …) is an error.
    ///
    /// An empty RDN is skipped, as OpenSSL does.
    init(derEncoded node: ASN1Node, field: String) throws(X509Error) {
        guard case .constructed(let rdnNodes) = node.content else { throw .malformedDER("\(field) is not a SEQUENCE") }
        var rdns: [[X509Certificate.Attribute]] = []
        var index = 0
        for rdnNode in rdnNodes {
            guard rdnNode.identifier == .set, case .constructed(let attributeNodes) = rdnNode.content else {
                throw .malformedDER("\(field) RDN \(rdns.count) is not a SET")
            }
            var rdn: [X509Certificate.Attribute] = []
            for attributeNode in attributeNodes {
                rdn.append(try Self.attribute(attributeNode, field: field, index: index))
                index += 1
            }
            if !rdn.isEmpty { rdns.append(rdn) }
        }
        self.init(relativeDistinguishedNames: rdns)
    }

    /// `AttributeTypeAndValue ::= SEQUENCE { type OBJECT IDENTIFIER, value ANY }`
    private static func attribute(_ node: ASN1Node, field: String, index: Int) throws(X509Error)
        -> X509Certificate.Attribute
    {
        guard node.identifier == .sequence, case .constructed(let parts) = node.content else {
            throw .malformedDER("\(field) attribute \(index) cannot be read")
        }
        var iterator = parts.makeIterator()
        guard let typeNode = iterator.next(), let valueNode = iterator.next(), iterator.next() == nil,
            let type = try? typeNode.dottedOID()
        else {
            throw .malformedDER("\(field) attribute \(index) cannot be read")
        }
        guard let value = decodeString(valueNode) else {
            throw .malformedDER("\(field) attribute \(type) is not a decodable string")
        }
        return X509Certificate.Attribute(type: .init(oid: type), value: value)
    }

    private static func decodeString(_ node: ASN1Node) -> String? {
        guard node.identifier.tagClass == .universal, case .primitive(let bytes) = node.content else { return nil }
        switch node.identifier.tagNumber {
        case 12:  // UTF8String
            return String(validating: bytes, as: UTF8.self)
        case 18, 19, 20, 22:  // NumericString, PrintableString, T61String, IA5String
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
            return String(scalars)
        case 28:  // UniversalString
            return wideString(bytes, width: 4)
        case 30:  // BMPString
            return wideString(bytes, width: 2)
        default:
            return nil
        }
    }

    /// Big-endian code units of `width` bytes, each one whole scalar (no surrogate pairs).
    private static func wideString(_ bytes: ArraySlice<UInt8>, width: Int) -> String? {
        guard bytes.count % width == 0 else { return nil }
        var scalars = String.UnicodeScalarView()
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let value = bytes[index..<index + width].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard let scalar = Unicode.Scalar(value) else { return nil }
            scalars.append(scalar)
            index += width
        }
        return String(scalars)
    }
}
