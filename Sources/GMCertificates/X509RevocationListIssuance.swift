internal import CZhengwuKitOpenSSL
import Foundation
import GMCrypto
internal import ZhengwuKitSupport

/// Builds and signs one list with OpenSSL for ``X509RevocationListBuilder``, then reads it
/// back with GMCrypto's own reader, so what is returned is what any verifier will see.
struct X509RevocationListIssuance {
    let builder: X509RevocationListBuilder

    func issue(issuer: X509Certificate, issuerKey: X509Certificate.PrivateKey) throws(X509RevocationListError)
        -> X509RevocationList
    {
        OpenSSLErrorQueue.clear()
        let issuerHandle: X509Handle
        do {
            issuerHandle = try issuer.openSSLHandle.handle()
        } catch {
            throw .invalidIssuanceRequest("the issuer certificate: \(error)")
        }
        guard let crl = X509_CRL_new() else { throw failure() }
        defer { X509_CRL_free(crl) }
        guard X509_CRL_set_version(crl, 1) == 1,
            X509_CRL_set_issuer_name(crl, X509_get_subject_name(issuerHandle.pointer)) == 1
        else { throw failure() }
        try setTime(builder.thisUpdate, "thisUpdate") { X509_CRL_set1_lastUpdate(crl, $0) }
        if let nextUpdate = builder.nextUpdate {
            try setTime(nextUpdate, "nextUpdate") { X509_CRL_set1_nextUpdate(crl, $0) }
        }
        for entry in builder.entries {
            try add(entry, to: crl)
        }
        try addExtensions(crl, issuer: issuerHandle.pointer)
        guard X509_CRL_sort(crl) == 1,
            X509SigningContext.sign(with: issuerKey, { X509_CRL_sign_ctx(crl, $0) })
        else { throw failure() }

        var derPointer: UnsafeMutablePointer<UInt8>?
        let length = i2d_X509_CRL(crl, &derPointer)
        guard length > 0, let derPointer else { throw failure() }
        let der = Array(UnsafeBufferPointer(start: derPointer, count: Int(length)))
        CZWK_OPENSSL_free(derPointer)
        return try X509RevocationList(derRepresentation: der)
    }

    private func add(_ entry: X509RevocationList.Entry, to crl: OpaquePointer) throws(X509RevocationListError) {
        guard let revoked = X509_REVOKED_new() else { throw failure() }
        var owned = true
        defer { if owned { X509_REVOKED_free(revoked) } }
        let serial = try integer(entry.serialNumber.bytes, negative: entry.serialNumber.isNegative)
        defer { ASN1_INTEGER_free(serial) }
        guard X509_REVOKED_set_serialNumber(revoked, serial) == 1 else { throw failure() }
        try setTime(entry.revocationDate, "revocationDate") { X509_REVOKED_set_revocationDate(revoked, $0) }
        if let reason = entry.reason {
            guard let code = ASN1_ENUMERATED_new() else { throw failure() }
            defer { ASN1_ENUMERATED_free(code) }
            guard ASN1_ENUMERATED_set(code, reason.rawValue) == 1,
                X509_REVOKED_add1_ext_i2d(revoked, NID_crl_reason, code, 0, 0) == 1
            else { throw failure() }
        }
        if let invalidityDate = entry.invalidityDate {
            // RFC 5280 §5.3.2: always GeneralizedTime, unlike the other dates.
            let seconds = try Self.seconds(invalidityDate, "invalidityDate")
            guard let time = ASN1_GENERALIZEDTIME_set(nil, seconds) else { throw failure() }
            defer { ASN1_GENERALIZEDTIME_free(time) }
            guard X509_REVOKED_add1_ext_i2d(revoked, NID_invalidity_date, time, 0, 0) == 1 else { throw failure() }
        }
        guard X509_CRL_add0_revoked(crl, revoked) == 1 else { throw failure() }
        owned = false
    }

    private func addExtensions(_ crl: OpaquePointer, issuer: OpaquePointer) throws(X509RevocationListError) {
        let number = try integer(builder.crlNumber, negative: false)
        defer { ASN1_INTEGER_free(number) }
        guard X509_CRL_add1_ext_i2d(crl, NID_crl_number, number, 0, 0) == 1 else { throw failure() }
        // An issuer without a subject key identifier (some old roots) gets lists without one too.
        guard X509_get0_subject_key_id(issuer) != nil else { return }
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, issuer, nil, nil, crl, 0)
        guard let item = X509V3_EXT_conf_nid(nil, &context, NID_authority_key_identifier, "keyid:always") else {
            throw .invalidIssuanceRequest(
                "authority key identifier: \(OpenSSLErrorQueue.drain() ?? "the issuer has no subject key identifier")")
        }
        defer { X509_EXTENSION_free(item) }
        guard X509_CRL_add_ext(crl, item, -1) == 1 else { throw failure() }
    }

    private func integer(_ bytes: [UInt8], negative: Bool) throws(X509RevocationListError) -> UnsafeMutablePointer<
        ASN1_INTEGER
    > {
        guard let number = BN_bin2bn(bytes, Int32(bytes.count), nil) else { throw failure() }
        defer { BN_free(number) }
        if negative { BN_set_negative(number, 1) }
        guard let integer = BN_to_ASN1_INTEGER(number, nil) else { throw failure() }
        return integer
    }

    /// `ASN1_TIME_set` picks UTCTime before 2050 and GeneralizedTime after, as RFC 5280 requires.
    private func setTime(_ date: Date, _ field: String, _ set: (UnsafeMutablePointer<ASN1_TIME>) -> Int32)
        throws(X509RevocationListError)
    {
        guard let time = ASN1_TIME_set(nil, try Self.seconds(date, field)) else { throw failure() }
        defer { ASN1_TIME_free(time) }
        guard set(time) == 1 else { throw failure() }
    }

    private static func seconds(_ date: Date, _ field: String) throws(X509RevocationListError) -> time_t {
        guard let seconds = try? ASN1Time.wholeSeconds(date) else {
            throw .invalidIssuanceRequest("\(field) is not between the years 0000 and 9999")
        }
        return time_t(seconds)
    }

    private func failure() -> X509RevocationListError {
        .issuanceFailed(reason: OpenSSLErrorQueue.drain())
    }
}
