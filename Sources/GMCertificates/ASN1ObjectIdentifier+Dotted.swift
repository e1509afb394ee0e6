import GMCrypto
import SwiftASN1

extension ASN1Node {
    /// This node read as an OBJECT IDENTIFIER, in dotted form (`1.2.156.10197.1.501`): the
    /// same checks and text as `ASN1ObjectIdentifier(derEncoded:).description` (arcs too
    /// large for 64 bits go to swift-asn1 itself).
    ///
    /// Formatted straight from the encoding into one buffer: `description` (a String per
    /// arc, joined) took a quarter of the time of reading a certificate, which holds a
    /// dozen OIDs or more.
    func dottedOID() throws -> String {
        guard identifier == .objectIdentifier else { throw ASN1Error.unexpectedFieldType(identifier) }
        guard case .primitive(let content) = content, let last = content.last, last & 0x80 == 0 else {
            throw ASN1Error.invalidASN1Object(reason: "OID is constructed, empty or ends inside an arc")
        }
        // A known encoding is minimally encoded by construction.
        if let text = KnownObjectIdentifiers.text(of: content) { return text }
        // Each arc minimally encoded: no leading 0x80 byte.
        var startsArc = true
        for byte in content {
            if startsArc && byte == 0x80 { throw ASN1Error.invalidASN1Object(reason: "OID arc is not minimal") }
            startsArc = byte & 0x80 == 0
        }
        guard let text = Self.dotted(content) else { return try ASN1ObjectIdentifier(derEncoded: self).description }
        return text
    }

    /// Formats validated OID content; nil when an arc does not fit in 64 bits.
    private static func dotted(_ content: ArraySlice<UInt8>) -> String? {
        var text: [UInt8] = []
        text.reserveCapacity(content.count * 3 + 4)
        var value: UInt64 = 0
        var isFirst = true
        for byte in content {
            guard value >> 57 == 0 else { return nil }
            value = value << 7 | UInt64(byte & 0x7F)
            guard byte & 0x80 == 0 else { continue }
            if isFirst {
                // The first subidentifier holds the first two arcs: 40 × first + second.
                let first: UInt64 = value < 80 ? value / 40 : 2
                append(first, to: &text)
                text.append(UInt8(ascii: "."))
                append(value - first * 40, to: &text)
                isFirst = false
            } else {
                text.append(UInt8(ascii: "."))
                append(value, to: &text)
            }
            value = 0
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func append(_ number: UInt64, to text: inout [UInt8]) {
        var digits = 1
        var rest = number / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        var value = number
        let end = text.count + digits
        text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        for index in stride(from: end - 1, through: end - digits, by: -1) {
            text[index] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
    }
}
