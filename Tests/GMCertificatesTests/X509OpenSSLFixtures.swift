import Foundation
import GMCertificates
import GMCrypto
import ZWKitTestSupport

/// The shared `openssl` CLI fixtures with GMCrypto's types on top, and gmssl as a second
/// independent check of SM2 certificate signatures.
extension OpenSSLPKI {
    /// A new private key `<name>.key` made by `openssl genpkey`, read by GMCrypto.
    func generateKey(_ name: String, algorithm: KeyAlgorithm = .sm2) throws -> X509Certificate.PrivateKey {
        try makeKey(name, algorithm: algorithm)
        return try X509Certificate.PrivateKey(pemRepresentation: read("\(name).key"))
    }

    /// Writes `certificate` as `<name>.pem`.
    func save(_ certificate: X509Certificate, as name: String) throws {
        try write(certificate.pemRepresentation, to: "\(name).pem")
    }

    /// Whether gmssl (Python, an independent SM2 implementation) verifies the signature of
    /// `certificate` with `issuer`'s key, the tbsCertificate read by asn1crypto; `nil` when
    /// the Python packages are absent outside CI.
    func gmsslAcceptsLink(_ certificate: String, issuedBy issuer: String) throws -> Bool? {
        guard try Processes.pythonHas(["gmssl", "asn1crypto"]) else { return nil }
        let result = try Processes.python(Self.gmsslLinkScript, [path(certificate), path(issuer)])
        guard result.status == 0 else { throw FixtureError.missing("gmssl link check failed: \(result.stderrText)") }
        return result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == "ok"
    }

    private static let gmsslLinkScript = """
        import sys
        from asn1crypto import pem, x509
        from asn1crypto.algos import DSASignature
        from gmssl import sm2

        def load(path):
            data = open(path, 'rb').read()
            if pem.detect(data):
                _, _, data = pem.unarmor(data)
            return x509.Certificate.load(data)

        cert, issuer = load(sys.argv[1]), load(sys.argv[2])
        point = bytes(issuer['tbs_certificate']['subject_public_key_info']['public_key'])
        sig = DSASignature.load(cert['signature_value'].native)
        crypt = sm2.CryptSM2(private_key=None, public_key='00')
        # Set after construction: gmssl's constructor lstrips "04" characters, not a prefix.
        crypt.public_key = point[1:].hex()
        rs = '%064x%064x' % (sig['r'].native, sig['s'].native)
        print('ok' if crypt.verify_with_sm3(rs, cert['tbs_certificate'].dump()) else 'bad')
        """
}
