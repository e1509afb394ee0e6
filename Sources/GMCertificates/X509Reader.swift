internal import CZhengwuKitOpenSSL
import Foundation
import GMCrypto
import SwiftASN1
internal import ZhengwuKitSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the fields swift-asn1 took apart (``X509TBSCertificate``) into Swift values.
///
/// OpenSSL is asked only what it must decide for the result to match its own reading of
/// the certificate: what a time string means (`ASN1_TIME_to_tm`), whether the extensions
/// are acceptable (its extension cache's rules), and the subject key itself.
struct X509Reader {
    let der: [UInt8]
    let envelope: X509Envelope
    let tbs: X509TBSCertificate

    func certificate() throws(X509Error) -> X509Certificate {
        // Judging extensions can queue OpenSSL errors even when it succeeds; none may leak out.
        defer { OpenSSLErrorQueue.clear() }
        let subject = try X509Certificate.DistinguishedName(derEncoded: tbs.subject, field: "subject")
        let issuer = try X509Certificate.DistinguishedName(derEncoded: tbs.issuer, field: "issuer")
        let notBefore = try Self.date(tbs.notBefore, field: "notBefore")
        let notAfter = try Self.date(tbs.notAfter, field: "notAfter")
        let extensions = try readExtensions()
        let summary = try summarise(extensions)
        return X509Certificate(
            version: tbs.version + 1,
            serialNumber: tbs.serialNumber,
            subject: subject,
            issuer: issuer,
            notBefore: notBefore,
            notAfter: notAfter,
            publicKey: try X509SubjectPublicKeyInfo.publicKey(tbs.subjectPublicKeyInfo),
            signatureAlgorithm: envelope.signatureAlgorithm,
            keyUsage: summary.has_key_usage != 0 ? Self.keyUsage(summary.key_usage) : nil,
            extendedKeyUsage: try Self.extendedKeyUsage(extensions),
            basicConstraints: summary.has_basic_constraints != 0
                ? X509Certificate.BasicConstraints(
                    isCertificateAuthority: summary.is_ca != 0,
                    pathLengthConstraint: summary.path_length >= 0 ? Int(summary.path_length) : nil)
                : nil,
            subjectKeyIdentifier: try Self.subjectKeyIdentifier(extensions),
            authorityKeyIdentifier: try Self.authorityKeyIdentifier(extensions),
            extensions: extensions,
            envelope: envelope,
            openSSLHandle: LazyX509Handle(der: der),
            der: der
        )
    }

    /// ```asn1
    /// Extension ::= SEQUENCE { extnID OBJECT IDENTIFIER, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
    /// ```
    /// `critical` is read as OpenSSL reads it: an explicit FALSE is accepted, any non-zero byte is TRUE.
    private func readExtensions() throws(X509Error) -> [X509Certificate.Extension] {
        guard let node = tbs.extensions, case .constructed(let items) = node.content else { return [] }
        var extensions: [X509Certificate.Extension] = []
        for item in items {
            let index = extensions.count
            guard item.identifier == .sequence, case .constructed(let parts) = item.content else {
                throw .malformedDER("extension \(index) is not a SEQUENCE")
            }
            var fields = parts.makeIterator()
            guard let oidNode = fields.next(), let oid = try? oidNode.dottedOID(),
                var next = fields.next()
            else { throw .malformedDER("extension \(index) cannot be read") }
            var isCritical = false
            if next.identifier == .boolean, case .primitive(let flag) = next.content, flag.count == 1,
                let value = fields.next()
            {
                isCritical = flag.first != 0
                next = value
            }
            guard next.identifier == .octetString, case .primitive(let value) = next.content, fields.next() == nil
            else {
                throw .malformedDER("extension \(oid) cannot be read")
            }
            extensions.append(.init(oid: oid, isCritical: isCritical, value: Array(value)))
        }
        return extensions
    }

    /// OpenSSL's verdict on the extensions, by the rules of its own extension cache.
    private func summarise(_ extensions: [X509Certificate.Extension]) throws(X509Error) -> CZWK_extension_summary {
        var summary = CZWK_extension_summary()
        summary.path_length = -1
        guard let node = tbs.extensions, !extensions.isEmpty else { return summary }
        OpenSSLErrorQueue.clear()
        let decoded = node.encodedBytes.withUnsafeBufferPointer { buffer in
            CZWK_x509_summarise_extensions(buffer.baseAddress, buffer.count, &summary)
        }
        guard decoded == 1 else {
            throw .malformedDER(OpenSSLErrorQueue.drain() ?? "OpenSSL cannot decode the extensions")
        }
        guard summary.invalid == 0 else {
            throw .malformedExtension(
                "OpenSSL found the extensions invalid (a duplicated or undecodable extension, a negative path "
                    + "length, an empty key usage or an incomplete CRL distribution point)")
        }
        return summary
    }

    private static func keyUsage(_ bits: UInt32) -> X509Certificate.KeyUsage {
        let mapping: [(UInt32, X509Certificate.KeyUsage)] = [
            (UInt32(KU_DIGITAL_SIGNATURE), .digitalSignature), (UInt32(KU_NON_REPUDIATION), .nonRepudiation),
            (UInt32(KU_KEY_ENCIPHERMENT), .keyEncipherment), (UInt32(KU_DATA_ENCIPHERMENT), .dataEncipherment),
            (UInt32(KU_KEY_AGREEMENT), .keyAgreement), (UInt32(KU_KEY_CERT_SIGN), .keyCertSign),
            (UInt32(KU_CRL_SIGN), .cRLSign), (UInt32(KU_ENCIPHER_ONLY), .encipherOnly),
            (UInt32(KU_DECIPHER_ONLY), .decipherOnly),
        ]
        return mapping.reduce(into: []) { usage, entry in
            if bits & entry.0 != 0 { usage.insert(entry.1) }
        }
    }

    /// ```asn1
    /// ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId
    /// ```
    private static func extendedKeyUsage(_ extensions: [X509Certificate.Extension]) throws(X509Error)
        -> [X509Certificate.ExtendedKeyUsage]?
    {
        guard let value = value(of: X509Certificate.Extension.extendedKeyUsage, in: extensions) else { return nil }
        do {
            return try DER.sequence(DER.parse(value), identifier: .sequence) { purposes in
                var usages: [X509Certificate.ExtendedKeyUsage] = []
                while let purpose = purposes.next() { usages.append(.init(oid: try purpose.dottedOID())) }
                return usages
            }
        } catch {
            throw .malformedExtension("extended key usage: \(error)")
        }
    }

    /// `SubjectKeyIdentifier ::= KeyIdentifier`, an OCTET STRING.
    private static func subjectKeyIdentifier(_ extensions: [X509Certificate.Extension]) throws(X509Error) -> [UInt8]? {
        guard let value = value(of: X509Certificate.Extension.subjectKeyIdentifier, in: extensions) else { return nil }
        do {
            return Array(try ASN1OctetString(derEncoded: value).bytes)
        } catch {
            throw .malformedExtension("subject key identifier: \(error)")
        }
    }

    /// ```asn1
    /// AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] KeyIdentifier OPTIONAL, ... }
    /// ```
    private static func authorityKeyIdentifier(_ extensions: [X509Certificate.Extension]) throws(X509Error)
        -> [UInt8]?
    {
        guard let value = value(of: X509Certificate.Extension.authorityKeyIdentifier, in: extensions) else {
            return nil
        }
        do {
            return try DER.sequence(DER.parse(value), identifier: .sequence) { fields in
                var keyIdentifier: [UInt8]?
                while let field = fields.next() {
                    if field.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific) {
                        keyIdentifier = Array(
                            try ASN1OctetString(derEncoded: field, withIdentifier: field.identifier).bytes)
                    }
                }
                return keyIdentifier
            }
        } catch {
            throw .malformedExtension("authority key identifier: \(error)")
        }
    }

    private static func value(of oid: String, in extensions: [X509Certificate.Extension]) -> [UInt8]? {
        extensions.first { $0.oid == oid }?.value
    }

    /// A UTCTime or GeneralizedTime, read by OpenSSL so every form it accepts reads as before.
    static func date(_ node: ASN1Node, field: String) throws(X509Error) -> Date {
        let time = node.encodedBytes.withUnsafeBufferPointer { buffer -> UnsafeMutablePointer<ASN1_TIME>? in
            var cursor = buffer.baseAddress
            return d2i_ASN1_TIME(nil, &cursor, buffer.count)
        }
        defer { ASN1_TIME_free(time) }
        var parts = tm()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else {
            OpenSSLErrorQueue.clear()
            throw .malformedDER("\(field) is not a valid time")
        }
        // OpenSSL reads the forms older certificates carry; the calendar arithmetic is the package's one.
        guard
            let date = ASN1Time.date(
                year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
                hours: Int(parts.tm_hour), minutes: Int(parts.tm_min), seconds: Int(parts.tm_sec))
        else {
            throw .malformedDER("\(field) is not a valid time")
        }
        return date
    }
}
