internal import CZhengwuKitOpenSSL
import Foundation
import GMCrypto
internal import ZhengwuKitSupport

/// Builds and signs one certificate with OpenSSL for ``X509CertificateBuilder``, then
/// reads it back, so what is returned is what any verifier will see.
struct X509Issuance {
    let builder: X509CertificateBuilder

    func issue(subjectKey: EVPKey, issuer: X509Certificate?, issuerKey: X509Certificate.PrivateKey)
        throws(X509Error) -> X509Certificate
    {
        OpenSSLErrorQueue.clear()
        guard let x509 = X509_new() else { throw failure() }
        defer { X509_free(x509) }
        guard X509_set_version(x509, 2) == 1, X509_set_pubkey(x509, subjectKey.pointer) == 1 else { throw failure() }
        try setSerialNumber(x509)
        try setValidity(x509)
        let subjectName = try makeName(builder.subject)
        defer { X509_NAME_free(subjectName) }
        let issuerHandle = try issuer?.openSSLHandle.handle()
        guard X509_set_subject_name(x509, subjectName) == 1,
            X509_set_issuer_name(x509, issuerHandle.map { X509_get_subject_name($0.pointer) } ?? subjectName) == 1
        else { throw failure() }
        try addExtensions(x509, issuer: issuerHandle?.pointer ?? x509)
        try sign(x509, with: issuerKey)

        var derPointer: UnsafeMutablePointer<UInt8>?
        let length = i2d_X509(x509, &derPointer)
        guard length > 0, let derPointer else { throw failure() }
        let der = Array(UnsafeBufferPointer(start: derPointer, count: Int(length)))
        CZWK_OPENSSL_free(derPointer)
        return try X509Certificate(derRepresentation: der)
    }

    private func setSerialNumber(_ x509: OpaquePointer) throws(X509Error) {
        var bytes = builder.serialNumber?.bytes ?? []
        if bytes.isEmpty {
            bytes = [UInt8](repeating: 0, count: 16)
            guard RAND_bytes(&bytes, Int32(bytes.count)) == 1 else { throw failure() }
            // Positive, and always 16 bytes long so serials sort and print uniformly.
            bytes[0] = (bytes[0] & 0x7F) | 0x40
        }
        guard let number = BN_bin2bn(bytes, Int32(bytes.count), nil) else { throw failure() }
        defer { BN_free(number) }
        guard let integer = BN_to_ASN1_INTEGER(number, nil) else { throw failure() }
        defer { ASN1_INTEGER_free(integer) }
        guard X509_set_serialNumber(x509, integer) == 1 else { throw failure() }
    }

    private func setValidity(_ x509: OpaquePointer) throws(X509Error) {
        for (date, isStart) in [(builder.notBefore, true), (builder.notAfter, false)] {
            // ASN1_TIME_set picks UTCTime before 2050 and GeneralizedTime after, as RFC 5280 requires.
            guard let seconds = try? ASN1Time.wholeSeconds(date) else {
                throw .invalidIssuanceRequest(
                    "\(isStart ? "notBefore" : "notAfter") is not between the years 0000 and 9999")
            }
            guard let time = ASN1_TIME_set(nil, time_t(seconds)) else { throw failure() }
            defer { ASN1_TIME_free(time) }
            let set = isStart ? X509_set1_notBefore(x509, time) : X509_set1_notAfter(x509, time)
            guard set == 1 else { throw failure() }
        }
    }

    private func makeName(_ name: X509Certificate.DistinguishedName) throws(X509Error) -> OpaquePointer {
        guard let result = X509_NAME_new() else { throw failure() }
        for rdn in name.relativeDistinguishedNames {
            for (index, attribute) in rdn.enumerated() {
                guard let object = OBJ_txt2obj(attribute.type.oid, 1) else {
                    X509_NAME_free(result)
                    throw .invalidIssuanceRequest("\(attribute.type.oid) is not an OID")
                }
                defer { ASN1_OBJECT_free(object) }
                let bytes = Array(attribute.value.utf8)
                // set = 0 opens a new RDN; -1 adds to the previous one (a multi-valued RDN).
                let added = X509_NAME_add_entry_by_OBJ(
                    result, object, MBSTRING_UTF8, bytes, Int32(bytes.count), -1, index == 0 ? 0 : -1)
                guard added == 1 else {
                    X509_NAME_free(result)
                    let reason = OpenSSLErrorQueue.drain() ?? "rejected"
                    throw .invalidIssuanceRequest("name attribute \(attribute): \(reason)")
                }
            }
        }
        return result
    }

    private func addExtensions(_ x509: OpaquePointer, issuer: OpaquePointer) throws(X509Error) {
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer, x509, nil, nil, 0)
        var entries: [(Int32, String)] = []
        if let constraints = builder.basicConstraints {
            if constraints.isCertificateAuthority {
                let pathLength = constraints.pathLengthConstraint.map { ",pathlen:\($0)" } ?? ""
                entries.append((NID_basic_constraints, "critical,CA:TRUE" + pathLength))
            } else {
                entries.append((NID_basic_constraints, "CA:FALSE"))
            }
        }
        if let usage = builder.keyUsage, !usage.isEmpty {
            entries.append((NID_key_usage, "critical," + usage.names.joined(separator: ",")))
        }
        if !builder.extendedKeyUsage.isEmpty {
            entries.append((NID_ext_key_usage, builder.extendedKeyUsage.map(\.oid).joined(separator: ",")))
        }
        // The subject key identifier first: for a self-signed certificate the authority key
        // identifier is read from it.
        entries.append((NID_subject_key_identifier, "hash"))
        entries.append((NID_authority_key_identifier, "keyid:always"))
        for (nid, value) in entries {
            guard let item = X509V3_EXT_conf_nid(nil, &context, nid, value) else {
                throw .invalidIssuanceRequest("extension \(value): \(OpenSSLErrorQueue.drain() ?? "rejected")")
            }
            defer { X509_EXTENSION_free(item) }
            guard X509_add_ext(x509, item, -1) == 1 else { throw failure() }
        }
    }

    private func sign(_ x509: OpaquePointer, with key: X509Certificate.PrivateKey) throws(X509Error) {
        guard X509SigningContext.sign(with: key, { X509_sign_ctx(x509, $0) }) else { throw failure() }
    }

    private func failure() -> X509Error {
        .issuanceFailed(reason: OpenSSLErrorQueue.drain())
    }
}
