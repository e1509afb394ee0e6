import Foundation
import GMCrypto

extension X509Certificate.DistinguishedName {
    /// Reads an RFC 4514 string such as `CN=某某市人民政府,O=某某市,C=CN` (most specific
    /// first, as ``description`` writes it). Attribute types are the short names
    /// ``X509Certificate/AttributeType/shortName`` knows, case-insensitive, or dotted OIDs;
    /// `+` joins a multi-valued RDN; `\,` and `\2C` escapes are understood.
    public init(rfc4514String text: String) throws(X509Error) {
        var rdns: [[X509Certificate.Attribute]] = []
        for rdnText in try Self.split(text, at: ",") {
            var rdn: [X509Certificate.Attribute] = []
            for pair in try Self.split(rdnText, at: "+") {
                let parts = try Self.split(pair, at: "=", maximumParts: 2)
                guard parts.count == 2 else { throw .malformedName("\"\(pair)\" is not TYPE=value") }
                let type = try Self.attributeType(parts[0].trimmingCharacters(in: .whitespaces))
                let value = try Self.unescape(parts[1])
                guard !value.isEmpty else { throw .malformedName("\(type.shortName) has an empty value") }
                rdn.append(.init(type: type, value: value))
            }
            rdns.append(rdn)
        }
        guard !rdns.isEmpty else { throw .malformedName("the name is empty") }
        self.init(relativeDistinguishedNames: rdns.reversed())
    }

    private static func attributeType(_ name: String) throws(X509Error) -> X509Certificate.AttributeType {
        if name.first?.isNumber == true, name.allSatisfy({ $0.isNumber || $0 == "." }) {
            return .init(oid: name)
        }
        let known: [X509Certificate.AttributeType] = [
            .commonName, .surname, .serialNumber, .country, .locality, .stateOrProvince, .street, .organization,
            .organizationalUnit, .title, .givenName, .emailAddress, .domainComponent, .userID,
        ]
        guard let type = known.first(where: { $0.shortName.lowercased() == name.lowercased() }) else {
            throw .malformedName("unknown attribute type \"\(name)\"")
        }
        return type
    }

    /// Splits at unescaped `separator`s, keeping escapes for ``unescape(_:)``.
    private static func split(_ text: String, at separator: Character, maximumParts: Int = .max) throws(X509Error)
        -> [String]
    {
        var parts: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                current.append(character)
                escaped = true
            } else if character == separator && parts.count < maximumParts - 1 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        guard !escaped else { throw .malformedName("the name ends inside an escape") }
        parts.append(current)
        return parts
    }

    /// Resolves escapes and drops the unescaped spaces around the value (`CN = x`), keeping
    /// escaped ones (`\ `), which RFC 4514 requires for a value's own leading or trailing space.
    private static func unescape(_ text: String) throws(X509Error) -> String {
        var bytes: [UInt8] = []
        var significantLength = 0
        var characters = Array(text.drop { $0 == " " })[...]
        while let character = characters.popFirst() {
            guard character == "\\" else {
                bytes.append(contentsOf: Array(String(character).utf8))
                if character != " " { significantLength = bytes.count }
                continue
            }
            guard let next = characters.popFirst() else { throw .malformedName("the name ends inside an escape") }
            if next.isHexDigit, let low = characters.first, low.isHexDigit, let byte = UInt8("\(next)\(low)", radix: 16)
            {
                characters.removeFirst()
                bytes.append(byte)
            } else {
                bytes.append(contentsOf: Array(String(next).utf8))
            }
            significantLength = bytes.count
        }
        guard let value = String(validating: bytes.prefix(significantLength), as: UTF8.self) else {
            throw .malformedName("the hex escapes in \"\(text)\" are not UTF-8")
        }
        return value
    }
}
