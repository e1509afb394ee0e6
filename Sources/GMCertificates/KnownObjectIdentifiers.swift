import GMCrypto
import SwiftASN1

/// The dotted text of the OIDs certificates hold most, found by their encoding.
///
/// A certificate holds a dozen OIDs or more (algorithms, name attributes, extensions);
/// returning a stored `String` for the common ones skips formatting each arc anew, the
/// largest cost of ``SwiftASN1/ASN1Node/dottedOID()`` after the parse itself.
enum KnownObjectIdentifiers {
    /// The texts whose encodings are looked up. Any OID may be added: a missing one is
    /// only formatted, never misread, and a test checks every entry against swift-asn1.
    static let texts = [
        // Name attributes (RFC 5280 §4.1.2.4, RFC 4519).
        "2.5.4.3", "2.5.4.4", "2.5.4.5", "2.5.4.6", "2.5.4.7", "2.5.4.8", "2.5.4.9", "2.5.4.10", "2.5.4.11",
        "2.5.4.12", "2.5.4.42", "1.2.840.113549.1.9.1", "0.9.2342.19200300.100.1.25", "0.9.2342.19200300.100.1.1",
        // Certificate extensions (RFC 5280 §4.2) and the usual key purposes.
        "2.5.29.14", "2.5.29.15", "2.5.29.17", "2.5.29.19", "2.5.29.31", "2.5.29.32", "2.5.29.35", "2.5.29.37",
        "1.3.6.1.5.5.7.1.1", "1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.3", "1.3.6.1.5.5.7.3.4",
        "1.3.6.1.5.5.7.3.8", "1.3.6.1.5.5.7.3.9",
        // Signature and key algorithms, curves.
        "1.2.156.10197.1.501", "1.2.156.10197.1.301", "1.2.840.10045.2.1", "1.2.840.10045.3.1.7",
        "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4", "1.3.101.112",
        "1.2.840.113549.1.1.1", "1.2.840.113549.1.1.11",
    ]

    /// Entries grouped by the length of their encoding, the first thing compared.
    private static let byLength: [[(encoding: [UInt8], text: String)]] = {
        var table: [[(encoding: [UInt8], text: String)]] = []
        for text in texts {
            guard let encoding = encode(text) else { continue }
            while table.count <= encoding.count { table.append([]) }
            table[encoding.count].append((encoding, text))
        }
        return table
    }()

    /// The dotted text of an OID's content octets when it is one of ``texts``.
    static func text(of content: ArraySlice<UInt8>) -> String? {
        guard content.count < byLength.count else { return nil }
        for entry in byLength[content.count] where entry.encoding.elementsEqual(content) {
            return entry.text
        }
        return nil
    }

    /// The DER content octets of a dotted OID, nil for text that is not one. swift-asn1
    /// encodes it but refuses neither a first arc above 2 nor a second arc of 40 or more
    /// under 0 and 1 (which reads back as another OID), so both are checked here.
    static func encode(_ text: String) -> [UInt8]? {
        guard let oid = try? ASN1ObjectIdentifier(dotRepresentation: text),
            (oid.oidComponents.first ?? 3) <= 2, oid.description == text
        else { return nil }
        var serializer = DER.Serializer()
        guard (try? serializer.serialize(oid)) != nil, let node = try? DER.parse(serializer.serializedBytes),
            case .primitive(let content) = node.content
        else { return nil }
        return Array(content)
    }
}
