import GMCrypto

extension X509Certificate {
    /// A subject or issuer name: a sequence of relative distinguished names (RDNs), each
    /// a set of attributes, with values decoded to Swift strings (UTF-8 Chinese intact).
    ///
    /// ```asn1
    /// Name ::= SEQUENCE OF RelativeDistinguishedName
    /// RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue
    /// ```
    /// `description` is the RFC 4514 string (`CN=某某市人民政府,O=…,C=CN`, most specific
    /// first); the stored order is the certificate's (usually `C` first).
    public struct DistinguishedName: Hashable, Sendable, ExpressibleByArrayLiteral {
        /// The RDNs in encoding order; most have exactly one attribute.
        public let relativeDistinguishedNames: [[Attribute]]

        /// A name with one attribute per RDN, in encoding order (country first, by convention).
        public init(_ attributes: [Attribute]) {
            self.relativeDistinguishedNames = attributes.map { [$0] }
        }

        public init(arrayLiteral attributes: Attribute...) {
            self.init(attributes)
        }

        public init(relativeDistinguishedNames: [[Attribute]]) {
            self.relativeDistinguishedNames = relativeDistinguishedNames.filter { !$0.isEmpty }
        }

        /// Every attribute, in encoding order.
        public var attributes: [Attribute] { relativeDistinguishedNames.flatMap { $0 } }

        /// The values of every attribute of `type`, in encoding order.
        public func values(of type: AttributeType) -> [String] {
            attributes.filter { $0.type == type }.map(\.value)
        }

        /// The first value of `type`, e.g. `name[.commonName]`.
        public subscript(type: AttributeType) -> String? { values(of: type).first }

        public var commonName: String? { self[.commonName] }
        public var organization: String? { self[.organization] }
        public var country: String? { self[.country] }

        public var isEmpty: Bool { relativeDistinguishedNames.isEmpty }
    }

    /// One `AttributeTypeAndValue` of a name.
    public struct Attribute: Hashable, Sendable, CustomStringConvertible {
        public let type: AttributeType
        public let value: String

        public init(type: AttributeType, value: String) {
            self.type = type
            self.value = value
        }

        public static func commonName(_ value: String) -> Self { Self(type: .commonName, value: value) }
        public static func country(_ value: String) -> Self { Self(type: .country, value: value) }
        public static func stateOrProvince(_ value: String) -> Self { Self(type: .stateOrProvince, value: value) }
        public static func locality(_ value: String) -> Self { Self(type: .locality, value: value) }
        public static func organization(_ value: String) -> Self { Self(type: .organization, value: value) }
        public static func organizationalUnit(_ value: String) -> Self {
            Self(type: .organizationalUnit, value: value)
        }
        public static func serialNumber(_ value: String) -> Self { Self(type: .serialNumber, value: value) }

        /// `TYPE=value` with RFC 4514 escaping of the value.
        public var description: String { "\(type.shortName)=\(RFC4514.escape(value))" }
    }

    /// An attribute type, identified by its OID, with the short name RFC 4514 uses.
    public struct AttributeType: Hashable, Sendable, CustomStringConvertible {
        public let oid: String
        public init(oid: String) { self.oid = oid }

        public static let commonName = Self(oid: "2.5.4.3")
        public static let surname = Self(oid: "2.5.4.4")
        public static let serialNumber = Self(oid: "2.5.4.5")
        public static let country = Self(oid: "2.5.4.6")
        public static let locality = Self(oid: "2.5.4.7")
        public static let stateOrProvince = Self(oid: "2.5.4.8")
        public static let street = Self(oid: "2.5.4.9")
        public static let organization = Self(oid: "2.5.4.10")
        public static let organizationalUnit = Self(oid: "2.5.4.11")
        public static let title = Self(oid: "2.5.4.12")
        public static let givenName = Self(oid: "2.5.4.42")
        public static let emailAddress = Self(oid: "1.2.840.113549.1.9.1")
        public static let domainComponent = Self(oid: "0.9.2342.19200300.100.1.25")
        public static let userID = Self(oid: "0.9.2342.19200300.100.1.1")

        private static let shortNames: [String: String] = [
            commonName.oid: "CN", surname.oid: "SN", serialNumber.oid: "serialNumber", country.oid: "C",
            locality.oid: "L", stateOrProvince.oid: "ST", street.oid: "STREET", organization.oid: "O",
            organizationalUnit.oid: "OU", title.oid: "title", givenName.oid: "GN", emailAddress.oid: "emailAddress",
            domainComponent.oid: "DC", userID.oid: "UID",
        ]

        /// `CN`, `O`, `C`, …; the dotted OID for types without a short name (RFC 4514 §2.3).
        public var shortName: String { Self.shortNames[oid] ?? oid }
        public var description: String { shortName }
    }
}

extension X509Certificate.DistinguishedName: CustomStringConvertible {
    /// The RFC 4514 form: RDNs from last to first, `+` inside a multi-valued RDN.
    public var description: String {
        relativeDistinguishedNames.reversed()
            .map { rdn in rdn.map(\.description).joined(separator: "+") }
            .joined(separator: ",")
    }
}

/// RFC 4514 §2.4 escaping. Non-ASCII characters are left as they are: the string is for
/// people, and `\E6\9F\90` would hide the very Chinese names they need to read.
private enum RFC4514 {
    static func escape(_ value: String) -> String {
        // Nearly every value needs no escaping; reports format names on every verification.
        let utf8 = value.utf8
        if !utf8.contains(where: isSpecial), utf8.first != UInt8(ascii: "#"), utf8.first != UInt8(ascii: " "),
            utf8.last != UInt8(ascii: " ")
        {
            return value
        }
        var result = ""
        let characters = Array(value)
        for (index, character) in characters.enumerated() {
            switch character {
            case "\"", "+", ",", ";", "<", ">", "\\":
                result += "\\\(character)"
            case "#" where index == 0:
                result += "\\#"
            case " " where index == 0 || index == characters.count - 1:
                result += "\\ "
            case "\u{0}":
                result += "\\00"
            default:
                result.append(character)
            }
        }
        return result
    }

    /// The bytes escaped wherever they stand, tested by a switch: searching a string of them
    /// for each byte of the value cost more than formatting the rest of a verification's report.
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "<"),
            UInt8(ascii: ">"), UInt8(ascii: "\\"), 0:
            return true
        default:
            return false
        }
    }
}
