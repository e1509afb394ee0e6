import Foundation

/// An `openssl ca` database, so `openssl ca` can revoke certificates and issue lists and
/// `openssl ocsp -index` can answer about them.
extension OpenSSLPKI {
    /// Sets up a database `db-<ca>/` and a config `<ca>.cnf` for the CA `<ca>.pem`/`<ca>.key`.
    public func prepareCA(_ ca: String, digest: String = "sm3") throws {
        try FileManager.default.createDirectory(atPath: path("db-\(ca)"), withIntermediateDirectories: true)
        try write("", to: "db-\(ca)/index.txt")
        try write("01\n", to: "db-\(ca)/crlnumber")
        try write(
            """
            [ ca ]
            default_ca = testca
            [ testca ]
            database = db-\(ca)/index.txt
            crlnumber = db-\(ca)/crlnumber
            default_md = \(digest)
            default_crl_days = 7
            certificate = \(ca).pem
            private_key = \(ca).key
            crl_extensions = crl_ext
            [ crl_ext ]
            authorityKeyIdentifier = keyid:always

            """, to: "\(ca).cnf")
    }

    /// `openssl ca -revoke`, with `-crl_reason` or `-crl_compromise` as given.
    public func revoke(_ certificate: String, ca: String, options: [String]) throws {
        try openssl(["ca", "-config", "\(ca).cnf", "-revoke", certificate] + options)
    }

    /// `openssl ca -gencrl` into `<out>`; SM2 lists with the ID `1234567812345678` unless `sm2ID` is false.
    public func makeList(ca: String, out: String, sm2ID: Bool = true) throws {
        try openssl(
            ["ca", "-config", "\(ca).cnf", "-gencrl", "-out", out] + (sm2ID ? ["-sigopt", Self.distinguishingID] : []))
    }
}
