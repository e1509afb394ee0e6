/// Writes a licence's data XML (`Specs/elicense/licence.xsd`): a fixed shape, written as text
/// in schema order, one element a line, so that the same data always gives the same bytes.
enum LicenceXMLWriter {
    /// The data XML of `data`.
    static func document(_ data: LicenceData) throws(ELicenseError) -> [UInt8] {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DZZZ version=\"1.0\">\n"
        for (code, value) in data.metadata.elements {
            try append(code, value, indent: "  ", to: &text)
        }
        text += "  <ZMXX>\n"
        for (code, value) in data.face.items {
            try append(code, value, indent: "    ", to: &text)
        }
        text += "  </ZMXX>\n</DZZZ>\n"
        return Array(text.utf8)
    }

    /// The face items alone as a `ZMXX` document, what a type's face schema validates.
    static func faceDocument(_ face: FaceItems) throws(ELicenseError) -> [UInt8] {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ZMXX>\n"
        for (code, value) in face.items {
            try append(code, value, indent: "  ", to: &text)
        }
        text += "</ZMXX>\n"
        return Array(text.utf8)
    }

    private static func append(_ code: String, _ value: String, indent: String, to text: inout String)
        throws(ELicenseError)
    {
        guard isElementCode(code) else {
            throw .invalidData(field: code, reason: "not an element code (letters, digits and _ only, e.g. KZ_XM)")
        }
        text += indent + "<" + code + ">"
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": text += "&amp;"
            case "<": text += "&lt;"
            case ">": text += "&gt;"
            case "\r": text += "&#13;"
            case "\t", "\n": text.unicodeScalars.append(scalar)
            default:
                // XML 1.0 has no way to carry the other C0 controls or U+FFFE/U+FFFF.
                guard scalar.value >= 0x20, scalar.value != 0xFFFE, scalar.value != 0xFFFF else {
                    throw .invalidData(
                        field: code,
                        reason:
                            "contains the control character U+\(String(scalar.value, radix: 16, uppercase: true)), which XML cannot carry"
                    )
                }
                text.unicodeScalars.append(scalar)
            }
        }
        text += "</" + code + ">\n"
    }

    /// `[A-Z][A-Z0-9_]*`: the shape of every GB/T 36903 element code and `KZ_` extension.
    static func isElementCode(_ code: String) -> Bool {
        let bytes = code.utf8
        guard let first = bytes.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z"), bytes.count <= 64 else {
            return false
        }
        return bytes.allSatisfy {
            ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                || $0 == UInt8(ascii: "_")
        }
    }
}
