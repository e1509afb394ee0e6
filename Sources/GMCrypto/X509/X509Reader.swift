internal import CZhengwuKitOpenSSL
import Foundation
import SwiftASN1

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the fields of a decoded OpenSSL `X509` into Swift values. OpenSSL has already
/// checked the structure; what it reports as inconsistent becomes a typed error here.
struct X509Reader {
    let handle: X509Handle
    private var x509: OpaquePointer { handle.pointer }

    func certificate(der: [UInt8], envelope: X509Envelope) throws(X509Error) -> X509Certificate {
        // Reading extensions can queue OpenSSL errors even when it succeeds; none may leak out.
        defer { OpenSSLErrorQueue.clear() }
        let flags = X509_get_extension_flags(x509)
        // Set by OpenSSL for duplicate or undecodable extensions and contradictory basic constraints.
        guard flags & UInt32(EXFLAG_INVALID) == 0 else {
            throw .malformedExtension(OpenSSLErrorQueue.drain() ?? "OpenSSL found the extensions invalid")
        }
        let extensions = try readExtensions()
        return X509Certificate(
            version: Int(X509_get_version(x509)) + 1,
            serialNumber: try serialNumber(),
            subject: try Self.name(X509_get_subject_name(x509), field: "subject"),
            issuer: try Self.name(X509_get_issuer_name(x509), field: "issuer"),
            notBefore: try Self.date(X509_get0_notBefore(x509), field: "notBefore"),
            notAfter: try Self.date(X509_get0_notAfter(x509), field: "notAfter"),
            publicKey: try publicKey(),
            signatureAlgorithm: envelope.signatureAlgorithm,
            keyUsage: flags & UInt32(EXFLAG_KUSAGE) != 0 ? keyUsage() : nil,
            extendedKeyUsage: try extendedKeyUsage(extensions),
            basicConstraints: flags & UInt32(EXFLAG_BCONS) != 0 ? basicConstraints(flags: flags) : nil,
            subjectKeyIdentifier: Self.bytes(X509_get0_subject_key_id(x509)),
            authorityKeyIdentifier: Self.bytes(X509_get0_authority_key_id(x509)),
            extensions: extensions,
            envelope: envelope,
            handle: handle,
            der: der
        )
    }

    private func serialNumber() throws(X509Error) -> X509Certificate.SerialNumber {
        guard let serial = X509_get0_serialNumber(x509) else { throw .malformedDER("missing serial number") }
        return X509Certificate.SerialNumber(
            bytes: Self.bytes(serial) ?? [],
            isNegative: ASN1_STRING_type(serial) == V_ASN1_NEG_INTEGER
        )
    }

    private func publicKey() throws(X509Error) -> X509Certificate.PublicKey {
        guard let pointer = X509_get_pubkey(x509) else {
            throw .unsupportedKeyType(OpenSSLErrorQueue.drain() ?? "OpenSSL cannot decode the subject public key")
        }
        let key = EVPKey(taking: pointer)
        do {
            // normalised(as:) turns an SM2-curve key OpenSSL decoded as plain EC into an SM2 key.
            if KeyKind.sm2.matches(key) { return .sm2(SM2.Signing.PublicKey(evpKey: try key.normalised(as: .sm2))) }
            if KeyKind.p256.matches(key) { return .p256(P256.Signing.PublicKey(evpKey: key)) }
            if KeyKind.ed25519.matches(key) { return .ed25519(Curve25519.Signing.PublicKey(evpKey: key)) }
        } catch {
            throw .unsupportedKeyType(error.description)
        }
        throw .unsupportedKeyType(key.kindDescription)
    }

    private func keyUsage() -> X509Certificate.KeyUsage {
        let bits = X509_get_key_usage(x509)
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

    private func basicConstraints(flags: UInt32) -> X509Certificate.BasicConstraints {
        let pathLength = X509_get_pathlen(x509)
        return X509Certificate.BasicConstraints(
            isCertificateAuthority: flags & UInt32(EXFLAG_CA) != 0,
            pathLengthConstraint: pathLength >= 0 ? Int(pathLength) : nil
        )
    }

    /// ```asn1
    /// ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId
    /// ```
    private func extendedKeyUsage(_ extensions: [X509Certificate.Extension]) throws(X509Error)
        -> [X509Certificate.ExtendedKeyUsage]?
    {
        guard let value = extensions.first(where: { $0.oid == X509Certificate.Extension.extendedKeyUsage })?.value
        else { return nil }
        do {
            return try DER.sequence(of: ASN1ObjectIdentifier.self, identifier: .sequence, rootNode: DER.parse(value))
                .map { X509Certificate.ExtendedKeyUsage(oid: $0.description) }
        } catch {
            throw .malformedExtension("extended key usage: \(error)")
        }
    }

    private func readExtensions() throws(X509Error) -> [X509Certificate.Extension] {
        var extensions: [X509Certificate.Extension] = []
        for index in 0..<max(0, X509_get_ext_count(x509)) {
            guard let item = X509_get_ext(x509, index), let object = X509_EXTENSION_get_object(item) else {
                throw .malformedExtension("extension \(index) cannot be read")
            }
            extensions.append(
                X509Certificate.Extension(
                    oid: Self.oid(object),
                    isCritical: X509_EXTENSION_get_critical(item) == 1,
                    value: Self.bytes(X509_EXTENSION_get_data(item)) ?? []
                )
            )
        }
        return extensions
    }

    // MARK: - Conversions from OpenSSL values

    static func name(_ name: OpaquePointer?, field: String) throws(X509Error) -> X509Certificate.DistinguishedName {
        guard let name else { throw .malformedDER("missing \(field)") }
        var rdns: [[X509Certificate.Attribute]] = []
        var lastSet: Int32 = -1
        for index in 0..<max(0, X509_NAME_entry_count(name)) {
            guard let entry = X509_NAME_get_entry(name, index), let object = X509_NAME_ENTRY_get_object(entry),
                let data = X509_NAME_ENTRY_get_data(entry)
            else { throw .malformedDER("\(field) attribute \(index) cannot be read") }
            var utf8: UnsafeMutablePointer<UInt8>?
            let length = ASN1_STRING_to_UTF8(&utf8, data)
            guard length >= 0, let utf8 else {
                throw .malformedDER("\(field) attribute \(Self.oid(object)) is not a decodable string")
            }
            let value = String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self)
            CZWK_OPENSSL_free(utf8)
            let attribute = X509Certificate.Attribute(type: .init(oid: Self.oid(object)), value: value)
            let set = X509_NAME_ENTRY_set(entry)
            if set == lastSet, !rdns.isEmpty {
                rdns[rdns.count - 1].append(attribute)
            } else {
                rdns.append([attribute])
            }
            lastSet = set
        }
        return X509Certificate.DistinguishedName(relativeDistinguishedNames: rdns)
    }

    static func date(_ time: UnsafePointer<ASN1_TIME>?, field: String) throws(X509Error) -> Date {
        var parts = tm()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else { throw .malformedDER("\(field) is not a valid time") }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }

    static func oid(_ object: OpaquePointer) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        let length = OBJ_obj2txt(&buffer, Int32(buffer.count), object, 1)
        guard length > 0 else { return "unknown" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func bytes(_ string: UnsafePointer<ASN1_STRING>?) -> [UInt8]? {
        guard let string, let data = ASN1_STRING_get0_data(string) else { return nil }
        return Array(UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(string))))
    }

    static func bytes(_ string: UnsafeMutablePointer<ASN1_STRING>?) -> [UInt8]? {
        bytes(string.map { UnsafePointer($0) })
    }
}
