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

    /// An offline `openssl ocsp` answer, in `out`, about `certificates` issued by `<issuer>.pem`:
    /// the request hashed with `requestDigest`, the status read from the `database` index,
    /// signed with SM3 by `<signer>.pem`/`.key` with the ID `1234567812345678` unless `sm2ID`
    /// is false, `extra` passed to the responder.
    public func makeOCSPResponse(
        about certificates: [String], issuer: String = "ca", database: String, signer: String = "ca", out: String,
        requestDigest: String = "-sm3", sm2ID: Bool = true, extra: [String] = []
    ) throws {
        try openssl(
            ["ocsp", "-issuer", "\(issuer).pem", requestDigest] + certificates.flatMap { ["-cert", $0] }
                + ["-no_nonce", "-reqout", "req.der"])
        try openssl(
            [
                "ocsp", "-index", database, "-rsigner", "\(signer).pem", "-rkey", "\(signer).key", "-CA",
                "\(issuer).pem",
                "-reqin", "req.der", "-respout", out, "-rmd", "sm3", "-ndays", "1",
            ] + (sm2ID ? ["-rsigopt", Self.distinguishingID] : []) + extra)
    }
}
