import Foundation
import GMCrypto
import ZWKitTestSupport

/// SM2 certificates made by the `openssl` CLI, the independent implementation GMCrypto's
/// certificates are checked against. Each instance works in its own temporary directory.
struct OpenSSLCertificates {
    static let distinguishingID = "distid:1234567812345678"
    let directory: URL

    init() throws {
        directory = try Fixtures.temporaryDirectory()
    }

    func cleanUp() { Fixtures.cleanUp(directory) }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }

    func write(_ text: String, to name: String) throws {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
    }

    /// Runs `openssl` in the directory and fails the test with its stderr when it fails.
    @discardableResult
    func openssl(_ arguments: [String]) throws -> ProcessResult {
        let result = try Processes.run("openssl", arguments, currentDirectory: directory)
        guard result.status == 0 else {
            throw FixtureError.missing("openssl \(arguments.joined(separator: " ")) failed: \(result.stderrText)")
        }
        return result
    }

    /// A new private key `<name>.key` made by `openssl genpkey`, read by GMCrypto.
    func generateKey(_ name: String, algorithm: KeyAlgorithm = .sm2) throws -> X509Certificate.PrivateKey {
        try openssl(["genpkey"] + algorithm.genpkeyArguments + ["-out", "\(name).key"])
        return try X509Certificate.PrivateKey(pemRepresentation: read("\(name).key"))
    }

    enum KeyAlgorithm: CaseIterable {
        case sm2, p256, ed25519
        var genpkeyArguments: [String] {
            switch self {
            case .sm2: return ["-algorithm", "SM2"]
            case .p256: return ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]
            case .ed25519: return ["-algorithm", "ED25519"]
            }
        }
    }

    /// Writes `certificate` as `<name>.pem`.
    func save(_ certificate: X509Certificate, as name: String) throws {
        try write(certificate.pemRepresentation, to: "\(name).pem")
    }

    /// A self-signed SM2 root `<name>.pem` with key `<name>.key`.
    func makeRoot(_ name: String, subject: String, days: Int = 30) throws {
        try openssl([
            "req", "-x509", "-newkey", "sm2", "-keyout", "\(name).key", "-nodes", "-out", "\(name).pem",
            "-days", "\(days)", "-utf8", "-subj", subject, "-sm3", "-sigopt", Self.distinguishingID,
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        ])
    }

    /// An SM2 certificate `<name>.pem` (key `<name>.key`) signed by `<issuer>.pem`/`.key`,
    /// with the extensions given as `openssl x509 -extfile` lines.
    func makeIssued(_ name: String, subject: String, issuer: String, extensions: [String], days: Int = 10) throws {
        try openssl([
            "req", "-new", "-newkey", "sm2", "-keyout", "\(name).key", "-nodes", "-out", "\(name).csr",
            "-utf8", "-subj", subject, "-sm3", "-sigopt", Self.distinguishingID,
        ])
        try write(extensions.joined(separator: "\n") + "\n", to: "\(name).ext")
        try openssl([
            "x509", "-req", "-in", "\(name).csr", "-CA", "\(issuer).pem", "-CAkey", "\(issuer).key",
            "-CAcreateserial", "-out", "\(name).pem", "-days", "\(days)", "-sm3",
            "-sigopt", Self.distinguishingID, "-vfyopt", Self.distinguishingID, "-extfile", "\(name).ext",
        ])
    }

    /// Whether OpenSSL accepts the one link `certificate` ← `issuer` (both PEM files here),
    /// with `issuer` as the trust anchor. Chains of several SM2 levels must be checked link
    /// by link: `openssl verify` sets the SM2 ID only on the leaf (see ``verify(leaf:root:intermediates:)``).
    func acceptsLink(_ certificate: String, issuedBy issuer: String) throws -> Bool {
        let result = try Processes.run(
            "openssl", ["verify", "-partial_chain", "-CAfile", issuer, "-vfyopt", Self.distinguishingID, certificate],
            currentDirectory: directory)
        return result.status == 0
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

    /// `openssl verify` of `leaf` against `root`, with optional intermediates, SM2 ID set.
    /// OpenSSL 3.0 applies `-vfyopt distid:` to the leaf only, so an SM2-signed
    /// intermediate fails at depth 1 (upstream issues 22234, 23471).
    /// `sm2` false leaves the ID out, which OpenSSL requires for ECDSA and Ed25519 leaves.
    func verify(leaf: String, root: String, intermediates: [String] = [], sm2: Bool = true) throws -> ProcessResult {
        var arguments = ["verify", "-CAfile", root]
        for intermediate in intermediates { arguments += ["-untrusted", intermediate] }
        arguments += (sm2 ? ["-vfyopt", Self.distinguishingID] : []) + [leaf]
        return try Processes.run("openssl", arguments, currentDirectory: directory)
    }
}
