import Foundation
import GMCertificates
import GMCrypto
import Testing
import ZWKitTestSupport

/// Malformed certificates get the typed error OpenSSL's reading led to before GMCrypto
/// read certificates itself, and GMCrypto accepts nothing OpenSSL's `d2i_X509` rejects.
@Suite struct X509MalformedDERTests {
    /// One SM2 leaf with the extensions the cases below edit, as DER.
    static func leaf(_ ca: OpenSSLPKI) throws -> [UInt8] {
        try ca.makeRoot("root", subject: "/C=CN/CN=根")
        try ca.makeIssued(
            "leaf", subject: "/C=CN/O=某某市/CN=经办人", issuer: "root",
            extensions: [
                "basicConstraints=CA:FALSE", "keyUsage=digitalSignature,nonRepudiation",
                "extendedKeyUsage=clientAuth", "subjectAltName=DNS:example.cn",
            ])
        try ca.openssl(["x509", "-in", "leaf.pem", "-outform", "DER", "-out", "leaf.der"])
        return try leafDER(ca)
    }

    static func leafDER(_ ca: OpenSSLPKI) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: ca.path("leaf.der"))))
    }

    /// Edits of the leaf made with asn1crypto, by name, as hex DER.
    /// Edits of the leaf by name, as hex DER, made by re-assembling its TLVs.
    static let editor = #"""
        import json, sys
        der = open(sys.argv[1], 'rb').read()
        def length(n):
            if n < 0x80:
                return bytes([n])
            return bytes([0x81, n]) if n < 0x100 else bytes([0x82, n >> 8, n & 0xFF])
        def tlv(tag, content):
            return bytes([tag]) + length(len(content)) + content
        def children(node):
            """The child TLVs of a constructed TLV, as raw bytes."""
            i = 2 + (node[1] & 0x7F if node[1] & 0x80 else 0)
            out = []
            while i < len(node):
                first = node[i + 1]
                header = 2 + (first & 0x7F if first & 0x80 else 0)
                size = int.from_bytes(node[i + 2:i + header], 'big') if first & 0x80 else first
                out.append(node[i:i + header + size])
                i += header + size
            return out
        cert = children(der)
        tbs = children(cert[0])
        def assemble(fields):
            return tlv(0x30, tlv(0x30, b''.join(fields)) + cert[1] + cert[2]).hex()
        def with_extensions(change):
            fields = list(tbs)
            exts = children(children(fields[-1])[0])
            exts = change(exts)
            fields[-1] = tlv(0xA3, tlv(0x30, b''.join(exts)))
            return assemble(fields)
        def extension(oid_hex, value_hex):
            return tlv(0x30, tlv(0x06, bytes.fromhex(oid_hex)) + tlv(0x04, bytes.fromhex(value_hex)))
        def replacing(oid_hex, value_hex):
            def change(exts):
                return [extension(oid_hex, value_hex) if children(e)[0] == tlv(0x06, bytes.fromhex(oid_hex)) else e
                        for e in exts]
            return change
        def subject_value(tag, content):
            fields = list(tbs)
            rdns = children(fields[5])
            atv = children(children(rdns[1])[0])
            rdns[1] = tlv(0x31, tlv(0x30, atv[0] + tlv(tag, content)))
            fields[5] = tlv(0x30, b''.join(rdns))
            return assemble(fields)
        def key_point(point):
            fields = list(tbs)
            spki = children(fields[6])
            fields[6] = tlv(0x30, spki[0] + tlv(0x03, b'\x00' + point))
            return assemble(fields)
        def key_algorithm(*fields_hex):
            fields = list(tbs)
            spki = children(fields[6])
            curve = children(spki[0])[1]
            parts = {'sm2': tlv(0x06, bytes.fromhex('2a811ccf5501822d')), 'curve': curve, 'null': b'\x05\x00',
                     'ecPublicKey': children(spki[0])[0]}
            fields[6] = tlv(0x30, tlv(0x30, b''.join(parts[f] for f in fields_hex)) + spki[1])
            return assemble(fields)
        ku, bc, san = '551d0f', '551d13', '551d11'
        cases = {
            'duplicateKeyUsage': ['x509.extension.malformed', with_extensions(lambda e: e + [extension(ku, '030206c0')])],
            'emptyKeyUsage': ['x509.extension.malformed', with_extensions(replacing(ku, '030100'))],
            'negativePathLength': ['x509.extension.malformed', with_extensions(replacing(bc, '30060101ff0201ff'))],
            'undecodableBasicConstraints': ['x509.extension.malformed', with_extensions(replacing(bc, '0400'))],
            'undecodableSubjectAltName': ['x509.extension.malformed', with_extensions(replacing(san, '3003020101'))],
            'visibleStringName': ['x509.der.malformed', subject_value(0x1A, b'abc')],
            'invalidUTF8Name': ['x509.der.malformed', subject_value(0x0C, b'\xff\xfe')],
            'oddBMPStringName': ['x509.der.malformed', subject_value(0x1E, b'\x00a\x00')],
            'pointOffTheCurve': ['x509.key.unsupported', key_point(b'\x04' + b'\x01' * 64)],
            'sm2AlgorithmWithCurve': ['ok', key_algorithm('sm2', 'curve')],
            'sm2AlgorithmWithoutCurve': ['x509.key.unsupported', key_algorithm('sm2')],
            'ecKeyWithNullParameters': ['x509.key.unsupported', key_algorithm('ecPublicKey', 'null')],
            'unchanged': ['ok', with_extensions(lambda e: e)],
        }
        print(json.dumps(cases))
        """#

    @Test func editedCertificatesGetTheirTypedErrors() throws {
        guard try Processes.pythonHas(["asn1crypto"]) else { return }
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        _ = try Self.leaf(ca)
        let output = try Processes.python(Self.editor, [ca.path("leaf.der")])
        #expect(output.status == 0, "\(output.stderrText)")
        let cases = try JSONDecoder().decode([String: [String]].self, from: output.stdout)
        #expect(cases.count == 13)
        // The re-assembly itself is faithful: the unedited certificate comes back byte for byte.
        #expect(try cases["unchanged"].map { try Hex.bytes($0[1]) } == Self.leafDER(ca))
        for (name, entry) in cases.sorted(by: { $0.key < $1.key }) where name != "unchanged" {
            let der = try Hex.bytes(entry[1])
            do {
                let certificate = try X509Certificate(derRepresentation: der)
                #expect(entry[0] == "ok" && certificate.publicKey.algorithmName == "SM2", "\(name) was accepted")
            } catch {
                #expect(error.code == entry[0], "\(name): \(error)")
            }
        }
    }

    @Test func lengthsAndTrailingElementsAreTypedErrors() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let der = try Self.leaf(ca)
        func error(_ bytes: [UInt8]) -> X509Error? {
            do {
                _ = try X509Certificate(derRepresentation: bytes)
                return nil
            } catch {
                return error
            }
        }
        // The outer SEQUENCE is 30 82 LL LL; tbsCertificate is 30 82 LL LL at offset 4.
        #expect(der[0] == 0x30 && der[1] == 0x82 && der[4] == 0x30 && der[5] == 0x82)
        var longer = der
        longer[3] &+= 1
        #expect(error(longer) == .truncatedDER(declared: der.count + 1, actual: der.count))
        var shorter = der
        shorter[3] &-= 1
        #expect(error(shorter) == .trailingData(byteCount: 1))
        for delta: UInt8 in [1, 255] {
            var inner = der
            inner[7] &+= delta
            #expect(error(inner)?.code == "x509.der.malformed", "tbsCertificate length changed by \(delta)")
        }
        // An element after the signature, inside the outer SEQUENCE (its length fixed up).
        var extra = der + [0x05, 0x00]
        let outerLength = Int(der[2]) << 8 | Int(der[3]) + 2
        extra[2] = UInt8(outerLength >> 8)
        extra[3] = UInt8(outerLength & 0xFF)
        #expect(error(extra)?.code == "x509.der.malformed")
        // An element after the extensions, inside tbsCertificate (both lengths fixed up).
        let tbsLength = Int(der[6]) << 8 | Int(der[7])
        var tbsExtra = Array(der[4..<(8 + tbsLength)]) + [0x05, 0x00]
        tbsExtra[2] = UInt8((tbsLength + 2) >> 8)
        tbsExtra[3] = UInt8((tbsLength + 2) & 0xFF)
        let rest = Array(der[(8 + tbsLength)...])
        let body = tbsExtra + rest
        let rebuilt = [0x30, 0x82, UInt8(body.count >> 8), UInt8(body.count & 0xFF)] + body
        #expect(error(rebuilt)?.code == "x509.der.malformed")
    }

    /// Every single-byte change of a real certificate that GMCrypto accepts, OpenSSL's
    /// `d2i_X509` (through `openssl x509`) accepts too, and reads the same serial number:
    /// GMCrypto is never the more lenient reader.
    @Test func noMutationIsAcceptedThatOpenSSLRejects() throws {
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        let der = try Self.leaf(ca)
        var accepted: [String: String] = [:]
        for index in der.indices {
            for change: UInt8 in [0x01, 0x80] {
                var mutated = der
                mutated[index] ^= change
                guard let certificate = try? X509Certificate(derRepresentation: mutated) else { continue }
                let name = "m\(index)-\(change).der"
                try Data(mutated).write(to: URL(fileURLWithPath: ca.path(name)))
                accepted[name] = certificate.serialNumber.description.uppercased()
            }
        }
        #expect(accepted.count > 50, "only \(accepted.count) mutations parsed")
        let script = """
            for f in m*.der; do
                printf '%s ' "$f"
                openssl x509 -inform DER -in "$f" -noout -serial 2>/dev/null || echo rejected
            done
            """
        let result = try Processes.run("sh", ["-c", script], currentDirectory: ca.directory)
        var checked = 0
        for line in result.stdoutText.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, let ours = accepted[parts[0]] else { continue }
            checked += 1
            let serial = parts[1].replacingOccurrences(of: "serial=", with: "")
            #expect(serial == ours, "\(parts[0]): openssl says \(parts[1])")
        }
        #expect(checked == accepted.count)
    }
}
