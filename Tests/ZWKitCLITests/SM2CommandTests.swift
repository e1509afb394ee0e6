import Foundation
import Testing
import ZWKitTestSupport

/// `zwkit sm2 keygen|sign|verify`, checked against the GB/T 32918.5 example and openssl.
@Suite struct SM2CommandTests {
    struct Vectors: Decodable {
        struct Vector: Decodable {
            let messageASCII: String
            let publicKeyX: String
            let publicKeyY: String
            let r: String
            let s: String
        }
        let vectors: [Vector]
    }

    /// The standard's public key as SPKI PEM, its signature as DER and as raw r‖s, its message.
    struct StandardExample {
        let publicKeyPEM: String
        let derSignature: Data
        let rawSignature: Data
        let message: Data

        init() throws {
            let url = Fixtures.specs.appendingPathComponent("vectors/sm2-signature.json")
            let file = try JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))
            let vector = try #require(file.vectors.first)
            // SubjectPublicKeyInfo { id-ecPublicKey, sm2 curve } BIT STRING 04‖x‖y
            let spkiPrefix = try Hex.bytes("3059301306072a8648ce3d020106082a811ccf5501822d03420004")
            let spki = Data(spkiPrefix + (try Hex.bytes(vector.publicKeyX)) + (try Hex.bytes(vector.publicKeyY)))
            let base64 = spki.base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
            publicKeyPEM = "-----BEGIN PUBLIC KEY-----\n\(base64)\n-----END PUBLIC KEY-----\n"
            let r = try Hex.bytes(vector.r)
            let s = try Hex.bytes(vector.s)
            rawSignature = Data(r + s)
            // Both r and s have the top bit set, so each INTEGER carries a leading zero.
            derSignature = Data([0x30, 0x46, 0x02, 0x21, 0x00] + r + [0x02, 0x21, 0x00] + s)
            message = Data(vector.messageASCII.utf8)
        }
    }

    @Test func verifiesTheStandardExampleAndRejectsAnEmptyID() throws {
        let example = try StandardExample()
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let (pub, message, der, raw) = try files(of: example, in: directory)

        let valid = try Processes.zwkit(["sm2", "verify", "--pub", pub, "--signature", der, message])
        #expect(valid.status == 0, "stderr: \(valid.stderrText)")
        let validRaw = try Processes.zwkit(["sm2", "verify", "--pub", pub, "--signature", raw, message, "--json"])
        #expect(validRaw.status == 0)
        let report = try JSONSerialization.jsonObject(with: validRaw.stdout) as? [String: Any]
        #expect(report?["valid"] as? Bool == true)
        #expect(report?["signatureFormat"] as? String == "raw")

        let emptyID = try Processes.zwkit(["sm2", "verify", "--pub", pub, "--id", "", "--signature", der, message])
        #expect(emptyID.status == 1)
        let tampered = try write(example.message + Data([0x20]), "tampered", in: directory)
        #expect(try Processes.zwkit(["sm2", "verify", "--pub", pub, "--signature", der, tampered]).status == 1)
    }

    @Test func badInputsExitWithUsageStatus() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let (pub, message, _, _) = try files(of: StandardExample(), in: directory)
        let garbage = try write(Data([1, 2, 3]), "garbage", in: directory)
        let result = try Processes.zwkit(["sm2", "verify", "--pub", pub, "--signature", garbage, message])
        #expect(result.status == 2)
        #expect(result.stderrText.contains("签名值格式错误"))
        let notAKey = try Processes.zwkit(["sm2", "verify", "--pub", message, "--signature", garbage, message])
        #expect(notAKey.status == 2)
        let both = try Processes.zwkit(["sm2", "verify", "--signature", garbage, message])
        #expect(both.status == 2)
        // A signature file far larger than any signature is refused at its 4 KiB limit, as a
        // file that is not the one meant (not as an endless stream).
        let large = try write(Data(count: 5_000), "large.sig", in: directory)
        let tooLarge = try Processes.zwkit(["sm2", "verify", "--pub", pub, "--signature", large, message])
        #expect(tooLarge.status == 2)
        #expect(
            tooLarge.stderrText.contains(
                "larger than the 4 KiB this command reads (输入过大); check that it is the file meant"),
            "\(tooLarge.stderrText)")
    }

    @Test func keygenSignVerifyInteroperatesWithOpenSSL() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let key = directory.appendingPathComponent("key.pem").path
        let pub = directory.appendingPathComponent("pub.pem").path
        let keygen = try Processes.zwkit(["sm2", "keygen", "--out", key, "--pub", pub, "--json"])
        #expect(keygen.status == 0, "stderr: \(keygen.stderrText)")
        let attributes = try FileManager.default.attributesOfItem(atPath: key)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        let message = try write(Data("zwkit 国密签名".utf8), "message", in: directory)
        for format in ["der", "raw"] {
            let signature = directory.appendingPathComponent("sig.\(format)").path
            let sign = try Processes.zwkit([
                "sm2", "sign", "--key", key, "--format", format, "--out", signature, message,
            ])
            #expect(sign.status == 0, "stderr: \(sign.stderrText)")
            let verify = try Processes.zwkit(["sm2", "verify", "--pub", pub, "--signature", signature, message])
            #expect(verify.status == 0)
        }
        // openssl accepts zwkit's DER signature with the same explicit ID.
        let openssl = try Processes.run(
            "openssl",
            [
                "dgst", "-sm3", "-verify", pub, "-sigopt", "distid:1234567812345678", "-signature",
                directory.appendingPathComponent("sig.der").path, message,
            ])
        #expect(openssl.status == 0, "openssl: \(openssl.stderrText)")

        // A signature made with another ID verifies only with that ID.
        let custom = directory.appendingPathComponent("sig.custom").path
        _ = try Processes.zwkit(["sm2", "sign", "--key", key, "--id", "ALICE123@YAHOO.COM", "--out", custom, message])
        #expect(try Processes.zwkit(["sm2", "verify", "--pub", pub, "--signature", custom, message]).status == 1)
        let withID = try Processes.zwkit([
            "sm2", "verify", "--pub", pub, "--id", "ALICE123@YAHOO.COM", "--signature", custom, message,
        ])
        #expect(withID.status == 0)
    }

    @Test func verifiesWithTheKeyOfACertificate() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let key = directory.appendingPathComponent("key.pem").path
        let cert = directory.appendingPathComponent("cert.pem").path
        #expect(try Processes.zwkit(["sm2", "keygen", "--out", key]).status == 0)
        let request = try Processes.run(
            "openssl",
            [
                "req", "-x509", "-new", "-key", key, "-subj", "/CN=签名者/O=ZhengwuKit", "-sm3", "-sigopt",
                "distid:1234567812345678", "-days", "1", "-out", cert,
            ])
        #expect(request.status == 0, "openssl: \(request.stderrText)")
        let message = try write(Data("signed under a certificate".utf8), "message", in: directory)
        let signature = directory.appendingPathComponent("sig").path
        #expect(try Processes.zwkit(["sm2", "sign", "--key", key, "--out", signature, message]).status == 0)
        let verified = try Processes.zwkit(["sm2", "verify", "--cert", cert, "--signature", signature, message])
        #expect(verified.status == 0, "stderr: \(verified.stderrText)")

        // A P-256 certificate is refused as unusable input, not reported as a bad signature.
        let p256Key = directory.appendingPathComponent("p256.pem").path
        let p256Cert = directory.appendingPathComponent("p256-cert.pem").path
        _ = try Processes.run(
            "openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", p256Key])
        _ = try Processes.run(
            "openssl", ["req", "-x509", "-new", "-key", p256Key, "-subj", "/CN=p256", "-days", "1", "-out", p256Cert])
        let refused = try Processes.zwkit(["sm2", "verify", "--cert", p256Cert, "--signature", signature, message])
        #expect(refused.status == 2)
        #expect(
            refused.stderrText
                == "zwkit: \(p256Cert): not an SM2 certificate: expected a SM2 key, found P-256 "
                + "(密钥算法或曲线不符) [gmcrypto.unexpected_key_type]\n", "\(refused.stderrText)")
    }

    /// A file larger than the 64 MiB a command reads whole (sparse: 65 MiB of zeros, then a
    /// tail) is signed and verified as it streams, interoperating with openssl both ways; a
    /// change in its last byte is found.
    @Test func signsAndVerifiesAFileLargerThanAnyReadLimit() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let key = directory.appendingPathComponent("key.pem").path
        let pub = directory.appendingPathComponent("pub.pem").path
        #expect(try Processes.zwkit(["sm2", "keygen", "--out", key, "--pub", pub]).status == 0)
        let large = directory.appendingPathComponent("large")
        try Fixtures.sparseFile(at: large, holeSize: 65 << 20, tail: Data("签名的最后几个字节".utf8))

        let ours = directory.appendingPathComponent("ours.sig").path
        let sign = try Processes.zwkit(["sm2", "sign", "--key", key, "--out", ours, large.path])
        #expect(sign.status == 0, "stderr: \(sign.stderrText)")
        let checkedByOpenSSL = try Processes.run(
            "openssl",
            ["dgst", "-sm3", "-verify", pub, "-sigopt", OpenSSLPKI.distinguishingID, "-signature", ours, large.path])
        #expect(checkedByOpenSSL.status == 0, "openssl: \(checkedByOpenSSL.stderrText)")

        let theirs = directory.appendingPathComponent("theirs.sig").path
        let signedByOpenSSL = try Processes.run(
            "openssl",
            ["dgst", "-sm3", "-sign", key, "-sigopt", OpenSSLPKI.distinguishingID, "-out", theirs, large.path])
        #expect(signedByOpenSSL.status == 0, "openssl: \(signedByOpenSSL.stderrText)")
        let verify = try Processes.zwkit(["sm2", "verify", "--pub", pub, "--signature", theirs, large.path])
        #expect(verify.status == 0, "stderr: \(verify.stderrText)")

        let tail = try FileHandle(forWritingTo: large)
        try tail.seekToEnd()
        try tail.write(contentsOf: Data("!".utf8))
        try tail.close()
        let changed = try Processes.zwkit(["sm2", "verify", "--pub", pub, "--signature", theirs, large.path])
        #expect(changed.status == 1, "stderr: \(changed.stderrText)")
    }

    /// Z_A holds the ID's length in bits in 16 bits: a longer ID is bad usage for both verbs,
    /// not a signature that fails.
    @Test func refusesAnIDTooLongForZA() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let (pub, message, der, _) = try files(of: StandardExample(), in: directory)
        let key = directory.appendingPathComponent("key.pem").path
        #expect(try Processes.zwkit(["sm2", "keygen", "--out", key]).status == 0)
        let longest = String(repeating: "i", count: 8_191)
        let tooLong = longest + "i"
        let verify = try Processes.zwkit(["sm2", "verify", "--pub", pub, "--id", tooLong, "--signature", der, message])
        #expect(verify.status == 2)
        #expect(verify.stderrText.contains("8192 bytes long"), "stderr: \(verify.stderrText)")
        #expect(verify.stderrText.contains("用户身份标识"))
        let out = directory.appendingPathComponent("sig").path
        let sign = try Processes.zwkit(["sm2", "sign", "--key", key, "--id", tooLong, "--out", out, message])
        #expect(sign.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
        // The longest ID Z_A can hold still signs and verifies.
        #expect(try Processes.zwkit(["sm2", "sign", "--key", key, "--id", longest, "--out", out, message]).status == 0)
        let pubOfKey = directory.appendingPathComponent("own.pub").path
        _ = try Processes.run("openssl", ["pkey", "-in", key, "-pubout", "-out", pubOfKey])
        let longestVerifies = try Processes.zwkit([
            "sm2", "verify", "--pub", pubOfKey, "--id", longest, "--signature", out, message,
        ])
        #expect(longestVerifies.status == 0, "stderr: \(longestVerifies.stderrText)")
    }

    /// Both verbs refuse what they cannot use in one shape: a library refusal as
    /// `zwkit: <file>: <what it is not>: <message> (<中文>) [<code>]`, a file that cannot be read
    /// or written as `zwkit: cannot read|write <file>: <reason> (<中文>)`, each exit 2 on one
    /// line; a signature checked and found wrong exits 1.
    @Test func signAndVerifyRefuseInTheHouseShape() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let (pub, message, der, _) = try files(of: StandardExample(), in: directory)
        let key = directory.appendingPathComponent("key.pem").path
        #expect(try Processes.zwkit(["sm2", "keygen", "--out", key]).status == 0)
        let garbage = try write(Data([1, 2, 3]), "garbage", in: directory)
        let missing = directory.appendingPathComponent("missing").path
        let out = directory.appendingPathComponent("out.sig").path
        let noPEM = #"malformed PEM: no "-----BEGIN …-----" line (PEM 格式错误) [gmcrypto.malformed_pem]"#
        let cases: [(String, [String], String)] = [
            (
                "sign, a key file that is not a key", ["sign", "--key", garbage, "--out", out, message],
                "\(garbage): not an SM2 private key: \(noPEM)"
            ),
            (
                "sign, a public key as the key", ["sign", "--key", pub, "--out", out, message],
                "\(pub): not an SM2 private key: malformed PEM: the PEM label is \"PUBLIC KEY\", expected "
                    + "\"PRIVATE KEY\" or \"EC PRIVATE KEY\" or \"SM2 PRIVATE KEY\" (PEM 格式错误) [gmcrypto.malformed_pem]"
            ),
            (
                "sign, a missing key file", ["sign", "--key", missing, "--out", out, message],
                "cannot read \(missing): no such file or directory (文件不可读)"
            ),
            (
                "sign, a missing file to sign", ["sign", "--key", key, "--out", out, missing],
                "cannot read \(missing): no such file or directory (文件不可读)"
            ),
            (
                "sign, a signature file that cannot be written",
                ["sign", "--key", key, "--out", directory.path, message],
                "cannot write \(directory.path): it is a directory (文件不可写)"
            ),
            (
                "verify, a key file that is not a key", ["verify", "--pub", garbage, "--signature", der, message],
                "\(garbage): not an SM2 public key: \(noPEM)"
            ),
            (
                "verify, a certificate file that is not one",
                ["verify", "--cert", garbage, "--signature", der, message],
                "\(garbage): not a certificate: malformed certificate DER: does not start with a SEQUENCE "
                    + "(证书编码错误) [x509.der.malformed]"
            ),
            (
                "verify, a signature file that is not a signature",
                ["verify", "--pub", pub, "--signature", garbage, message],
                "\(garbage): malformed signature: neither a DER SM2 signature nor a 64-byte raw r‖s (3 bytes) "
                    + "(签名值格式错误) [gmcrypto.malformed_signature]"
            ),
            (
                "verify, a missing key file", ["verify", "--pub", missing, "--signature", der, message],
                "cannot read \(missing): no such file or directory (文件不可读)"
            ),
            (
                "verify, a missing signature file", ["verify", "--pub", pub, "--signature", missing, message],
                "cannot read \(missing): no such file or directory (文件不可读)"
            ),
            (
                "verify, a missing signed file", ["verify", "--pub", pub, "--signature", der, missing],
                "cannot read \(missing): no such file or directory (文件不可读)"
            ),
        ]
        for (what, arguments, line) in cases {
            let result = try Processes.zwkit(["sm2"] + arguments)
            #expect(result.status == 2, "\(what): \(result.stderrText)")
            #expect(result.stderrText == "zwkit: \(line)\n", "\(what)")
            #expect(result.stdout.isEmpty, "\(what)")
        }
        #expect(!FileManager.default.fileExists(atPath: out))

        let unsigned = try write(Data("not what was signed".utf8), "unsigned", in: directory)
        let invalid = try Processes.zwkit(["sm2", "verify", "--pub", pub, "--signature", der, unsigned])
        #expect(invalid.status == 1)
        #expect(
            invalid.stderrText
                == "zwkit: \(der): the signature does not verify over \(unsigned) with ID \"1234567812345678\" (验签失败)\n"
        )
    }

    /// The example's public key, message and signature (DER and raw r‖s) as files in `directory`.
    private func files(
        of example: StandardExample, in directory: URL
    ) throws -> (pub: String, message: String, der: String, raw: String) {
        (
            try write(Data(example.publicKeyPEM.utf8), "pub.pem", in: directory),
            try write(example.message, "message", in: directory),
            try write(example.derSignature, "sig.der", in: directory),
            try write(example.rawSignature, "sig.raw", in: directory)
        )
    }

    private func write(_ data: Data, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }
}
