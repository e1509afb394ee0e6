import Foundation
import GMCertificates
import GMCrypto
import ZWKitTestSupport

/// Revocation lists made and read by the `openssl` CLI and by asn1crypto, the independent
/// implementations GMCrypto's lists are checked against.
extension OpenSSLPKI {
    /// `openssl ca -gencrl` into `<out>` (see ``makeList(ca:out:sm2ID:)``), read by GMCrypto.
    func generateList(ca: String, out: String, sm2ID: Bool = true) throws -> X509RevocationList {
        try makeList(ca: ca, out: out, sm2ID: sm2ID)
        return try X509RevocationList(pemRepresentation: read(out))
    }

    /// The fields of the list at `path` as asn1crypto reads them, or nil without the package.
    func asn1cryptoFields(_ file: String) throws -> ListFields? {
        guard try Processes.pythonHas(["asn1crypto"]) else { return nil }
        let result = try Processes.python(Self.listFieldsScript, [path(file)])
        guard result.status == 0 else { throw FixtureError.missing("asn1crypto failed: \(result.stderrText)") }
        return try JSONDecoder().decode(ListFields.self, from: result.stdout)
    }

    struct ListFields: Decodable, Equatable {
        struct Entry: Decodable, Equatable {
            let serial: String
            let date: Double
            let reason: String?
            let invalidity: Double?
        }
        let version: String
        let issuerCommonName: String
        let thisUpdate: Double
        let nextUpdate: Double?
        let crlNumber: String?
        let authorityKeyIdentifier: String?
        let signatureAlgorithm: String
        let entries: [Entry]
    }

    /// Writes the list's `tbsCertList` and signature, as asn1crypto cuts them, to `<file>.tbs` and `<file>.sig`.
    func splitList(_ file: String) throws -> Bool {
        guard try Processes.pythonHas(["asn1crypto"]) else { return false }
        let result = try Processes.python(Self.splitScript, [path(file)])
        guard result.status == 0 else { throw FixtureError.missing("asn1crypto failed: \(result.stderrText)") }
        return true
    }

    private static let loadScript = """
        import sys, json
        from asn1crypto import crl, pem
        data = open(sys.argv[1], 'rb').read()
        if pem.detect(data):
            _, _, data = pem.unarmor(data)
        lst = crl.CertificateList.load(data)
        """

    private static let listFieldsScript =
        loadScript + """

            tbs = lst['tbs_cert_list']
            def ts(t):
                return None if t is None else t.timestamp()
            entries = []
            for e in tbs['revoked_certificates']:
                entries.append({
                    'serial': '%x' % e['user_certificate'].native,
                    'date': ts(e['revocation_date'].native),
                    'reason': None if e.crl_reason_value is None else e.crl_reason_value.native,
                    'invalidity': ts(e.invalidity_date_value.native) if e.invalidity_date_value is not None else None,
                })
            print(json.dumps({
                'version': tbs['version'].native or 'v1',
                'issuerCommonName': tbs['issuer'].native['common_name'],
                'thisUpdate': ts(tbs['this_update'].native),
                'nextUpdate': ts(tbs['next_update'].native),
                'crlNumber': None if lst.crl_number_value is None else str(lst.crl_number_value.native),
                'authorityKeyIdentifier': None if lst.authority_key_identifier is None else lst.authority_key_identifier.hex(),
                'signatureAlgorithm': lst['signature_algorithm']['algorithm'].dotted,
                'entries': entries,
            }))
            """

    private static let splitScript =
        loadScript + """

            open(sys.argv[1] + '.tbs', 'wb').write(lst['tbs_cert_list'].dump())
            open(sys.argv[1] + '.sig', 'wb').write(lst['signature'].native)
            """
}
