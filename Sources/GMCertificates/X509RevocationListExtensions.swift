import Foundation
import GMCrypto
import SwiftASN1

/// ```asn1
/// Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension
/// Extension  ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE,
///                           extnValue OCTET STRING }
/// ```
enum X509ExtensionsReader {
    static func extensions(_ node: ASN1Node) throws -> [X509Certificate.Extension] {
        let extensions = try DER.sequence(node, identifier: .sequence) { nodes in
            var extensions: [X509Certificate.Extension] = []
            while let item = nodes.next() {
                extensions.append(try self.extension(item))
            }
            return extensions
        }
        guard !extensions.isEmpty else { throw X509RevocationListError.malformedExtension("empty Extensions") }
        var seen: Set<String> = []
        for item in extensions where !seen.insert(item.oid).inserted {
            throw X509RevocationListError.malformedExtension("extension \(item.oid) appears twice")
        }
        return extensions
    }

    private static func `extension`(_ node: ASN1Node) throws -> X509Certificate.Extension {
        try DER.sequence(node, identifier: .sequence) { nodes in
            guard let oidNode = nodes.next() else {
                throw X509RevocationListError.malformedExtension("empty Extension")
            }
            let oid = try oidNode.dottedOID()
            var isCritical = false
            // An explicit FALSE is not DER, but OpenSSL and most CAs' readers accept it.
            if let next = X509RevocationListReader.peek(nodes), next.identifier == .boolean {
                _ = nodes.next()
                isCritical = try Bool(derEncoded: next)
            }
            let value = try ASN1OctetString(derEncoded: &nodes)
            guard nodes.next() == nil else {
                throw X509RevocationListError.malformedExtension("extension \(oid) has extra fields")
            }
            return X509Certificate.Extension(oid: oid, isCritical: isCritical, value: Array(value.bytes))
        }
    }

    static func parse<T>(_ item: X509Certificate.Extension, as what: String, _ body: (ASN1Node) throws -> T)
        throws(X509RevocationListError) -> T
    {
        do {
            return try body(DER.parse(item.value))
        } catch {
            throw .malformedExtension("\(what): \(error)")
        }
    }
}

/// The list extensions GMCrypto interprets. Any other critical one makes the list unusable.
struct ListExtensions {
    var crlNumber: [UInt8]?
    var authorityKeyIdentifier: [UInt8]?

    init(_ extensions: [X509Certificate.Extension]) throws(X509RevocationListError) {
        for item in extensions {
            switch item.oid {
            case X509Certificate.Extension.crlNumber:
                let number = try X509ExtensionsReader.parse(item, as: "CRL number") { node in
                    try X509RevocationListReader.serial(node)
                }
                guard !number.isNegative else { throw .malformedExtension("CRL number is negative") }
                crlNumber = number.bytes
            case X509Certificate.Extension.authorityKeyIdentifier:
                authorityKeyIdentifier = try X509ExtensionsReader.parse(item, as: "authority key identifier") { node in
                    try Self.keyIdentifier(node)
                }
            case X509Certificate.Extension.deltaCRLIndicator, X509Certificate.Extension.issuingDistributionPoint:
                // Reading a delta, or a list scoped by a distribution point, as a complete list
                // would call every certificate it omits good. RFC 5280 makes both critical; a CA
                // that leaves the flag off does not make the list complete.
                throw .unsupportedCriticalExtension(oid: item.oid)
            default:
                if item.isCritical { throw .unsupportedCriticalExtension(oid: item.oid) }
            }
        }
    }

    /// ```asn1
    /// AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] KeyIdentifier OPTIONAL,
    ///     authorityCertIssuer [1] GeneralNames OPTIONAL, authorityCertSerialNumber [2] INTEGER OPTIONAL }
    /// ```
    private static func keyIdentifier(_ node: ASN1Node) throws -> [UInt8]? {
        try DER.sequence(node, identifier: .sequence) { nodes in
            let identifier =
                try DER.optionalImplicitlyTagged(
                    &nodes, tag: ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
                ) as ASN1OctetString?
            while nodes.next() != nil {}
            return identifier.map { Array($0.bytes) }
        }
    }
}

/// The entry extensions GMCrypto interprets. Any other critical one (an indirect list's
/// certificate issuer above all) makes the list unusable.
struct EntryExtensions {
    var reason: X509RevocationList.ReasonCode?
    var invalidityDate: Date?

    init(_ extensions: [X509Certificate.Extension]) throws(X509RevocationListError) {
        for item in extensions {
            switch item.oid {
            case X509Certificate.Extension.reasonCode:
                let value = try X509ExtensionsReader.parse(item, as: "reason code") { node in
                    try Int(derEncoded: node, withIdentifier: .enumerated)
                }
                guard let reason = X509RevocationList.ReasonCode(rawValue: value) else {
                    throw .malformedExtension("reason code \(value) is not a CRLReason")
                }
                guard reason != .removeFromCRL else {
                    throw .malformedExtension("removeFromCRL belongs in delta lists, which are not supported")
                }
                self.reason = reason
            case X509Certificate.Extension.invalidityDate:
                invalidityDate = try X509ExtensionsReader.parse(item, as: "invalidity date") { node in
                    guard node.identifier == .generalizedTime else {
                        throw X509RevocationListError.malformedExtension("invalidity date is not a GeneralizedTime")
                    }
                    return try X509RevocationListReader.time(node, field: "invalidityDate")
                }
            default:
                if item.isCritical { throw .unsupportedCriticalExtension(oid: item.oid) }
            }
        }
    }
}
