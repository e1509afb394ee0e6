import Foundation
import GMCertificates
import GMCrypto
import Testing
import ZWKitTestSupport

/// GMCrypto reads certificates with swift-asn1, not OpenSSL's `d2i_X509`. These tests hold
/// that reading against two independent readers: asn1crypto field by field, over many
/// certificates the `openssl` CLI makes and every certificate in ../shared's samples, and
/// OpenSSL itself over malformed and mutated encodings.
@Suite struct X509DifferentialTests {
    /// Each certificate as asn1crypto reads it, one JSON object per file.
    static let reader = #"""
        import json, sys
        from asn1crypto import x509

        def name(n):
            return [[[atv['type'].dotted, atv['value'].native] for atv in rdn] for rdn in n.chosen]

        out = []
        for path in sys.argv[1:]:
            cert = x509.Certificate.load(open(path, 'rb').read())
            tbs = cert['tbs_certificate']
            exts = [[e['extn_id'].dotted, bool(e['critical'].native), e['extn_value'].contents.hex()]
                    for e in (tbs['extensions'] or [])]
            ku = cert.key_usage_value
            bc = cert.basic_constraints_value
            aki = cert.authority_key_identifier_value
            eku = cert.extended_key_usage_value
            algorithm = tbs['subject_public_key_info']['algorithm']
            parameters = algorithm['parameters']
            serial = tbs['serial_number'].native
            out.append({
                'path': path,
                'version': int(tbs['version'].native[1:]),
                'serial': format(abs(serial), 'x'), 'negative': serial < 0,
                'subject': name(tbs['subject']), 'issuer': name(tbs['issuer']),
                'notBefore': tbs['validity']['not_before'].native.timestamp(),
                'notAfter': tbs['validity']['not_after'].native.timestamp(),
                'keyAlgorithm': algorithm['algorithm'].dotted,
                'curve': parameters.chosen.dotted if getattr(parameters, 'name', None) == 'named' else None,
                'signatureAlgorithm': cert['signature_algorithm']['algorithm'].dotted,
                'extensions': exts,
                'keyUsage': sorted(ku.native) if ku is not None else None,
                'extendedKeyUsage': [p.dotted for p in eku] if eku is not None else None,
                'ca': bc['ca'].native if bc is not None else None,
                'pathLength': bc['path_len_constraint'].native if bc is not None else None,
                'ski': cert.key_identifier.hex() if cert.key_identifier is not None else None,
                'aki': aki['key_identifier'].native.hex() if aki is not None and aki['key_identifier'].native else None,
            })
        print(json.dumps(out))
        """#

    struct Reading: Decodable {
        let path: String
        let version: Int
        let serial: String
        let negative: Bool
        let subject: [[[String]]]
        let issuer: [[[String]]]
        let notBefore: Double
        let notAfter: Double
        let keyAlgorithm: String
        let curve: String?
        let signatureAlgorithm: String
        let extensions: [Extension]
        let keyUsage: [String]?
        let extendedKeyUsage: [String]?
        let ca: Bool?
        let pathLength: Int?
        let ski: String?
        let aki: String?

        struct Extension: Decodable {
            let oid: String
            let critical: Bool
            let value: String
            init(from decoder: any Decoder) throws {
                var fields = try decoder.unkeyedContainer()
                oid = try fields.decode(String.self)
                critical = try fields.decode(Bool.self)
                value = try fields.decode(String.self)
            }
        }
    }

    static let keyUsageNames: [String: X509Certificate.KeyUsage] = [
        "digital_signature": .digitalSignature, "non_repudiation": .nonRepudiation,
        "key_encipherment": .keyEncipherment, "data_encipherment": .dataEncipherment,
        "key_agreement": .keyAgreement, "key_cert_sign": .keyCertSign, "crl_sign": .cRLSign,
        "encipher_only": .encipherOnly, "decipher_only": .decipherOnly,
    ]

    /// Compares every field GMCrypto exposes with asn1crypto's reading of the same file.
    static func expectAgreement(_ certificate: X509Certificate, _ reading: Reading) {
        let source = Comment(rawValue: reading.path)
        #expect(certificate.version == reading.version, source)
        #expect(
            certificate.serialNumber.description == (reading.negative ? "-" : "") + reading.serial.leftPadded, source)
        #expect(
            certificate.subject.relativeDistinguishedNames.map { $0.map { [$0.type.oid, $0.value] } }
                == reading.subject, source)
        #expect(
            certificate.issuer.relativeDistinguishedNames.map { $0.map { [$0.type.oid, $0.value] } } == reading.issuer,
            source)
        #expect(certificate.notBefore.timeIntervalSince1970 == reading.notBefore, source)
        #expect(certificate.notAfter.timeIntervalSince1970 == reading.notAfter, source)
        #expect(certificate.signatureAlgorithm.oid == reading.signatureAlgorithm, source)
        let expectedKey: String
        switch (reading.keyAlgorithm, reading.curve) {
        case ("1.2.840.10045.2.1", "1.2.156.10197.1.301"): expectedKey = "SM2"
        case ("1.2.840.10045.2.1", "1.2.840.10045.3.1.7"): expectedKey = "P-256"
        case ("1.3.101.112", _): expectedKey = "Ed25519"
        default: expectedKey = "unexpected \(reading.keyAlgorithm)"
        }
        #expect(certificate.publicKey.algorithmName == expectedKey, source)
        #expect(certificate.extensions.map(\.oid) == reading.extensions.map(\.oid), source)
        #expect(certificate.extensions.map(\.isCritical) == reading.extensions.map(\.critical), source)
        #expect(certificate.extensions.map { Hex.string($0.value) } == reading.extensions.map(\.value), source)
        let usage = reading.keyUsage.map { names in
            names.reduce(into: X509Certificate.KeyUsage()) { $0.insert(keyUsageNames[$1] ?? []) }
        }
        #expect(certificate.keyUsage == usage, source)
        #expect(certificate.extendedKeyUsage?.map(\.oid) == reading.extendedKeyUsage, source)
        #expect(certificate.basicConstraints?.isCertificateAuthority == reading.ca, source)
        #expect(certificate.basicConstraints?.pathLengthConstraint == reading.pathLength, source)
        #expect(certificate.subjectKeyIdentifier.map { Hex.string($0) } == reading.ski, source)
        #expect(certificate.authorityKeyIdentifier.map { Hex.string($0) } == reading.aki, source)
    }

    static func read(_ paths: [String]) throws -> [Reading] {
        let output = try Processes.python(reader, paths)
        guard output.status == 0 else { throw FixtureError.missing("asn1crypto: \(output.stderrText)") }
        return try JSONDecoder().decode([Reading].self, from: output.stdout)
    }

    /// `openssl req -x509` arguments: key algorithms × names in every string type OpenSSL
    /// writes × extension profiles × serial and date forms.
    static let profiles: [[String]] = [
        ["-addext", "basicConstraints=critical,CA:TRUE,pathlen:2", "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
        [
            "-addext", "basicConstraints=CA:FALSE", "-addext", "keyUsage=critical,digitalSignature,nonRepudiation",
            "-addext", "extendedKeyUsage=clientAuth,emailProtection,1.2.3.4.5",
            "-addext", "subjectAltName=DNS:example.cn,email:a@example.cn,IP:10.0.0.1,URI:https://example.cn/",
        ],
        [
            "-addext", "crlDistributionPoints=URI:http://crl.example.cn/ca.crl",
            "-addext", "certificatePolicies=1.2.156.1.2.3", "-addext", "keyUsage=keyAgreement,decipherOnly",
        ],
        ["-addext", "subjectKeyIdentifier=none", "-addext", "authorityKeyIdentifier=none"],
        ["-addext", "1.2.3.4.5.6=critical,ASN1:NULL", "-addext", "basicConstraints=critical,CA:TRUE,pathlen:0"],
        ["-set_serial", "-5", "-days", "20000", "-addext", "nsComment=made by the differential test"],
        ["-set_serial", "0x00ffeeddccbbaa99887766554433221100", "-addext", "authorityKeyIdentifier=keyid,issuer"],
    ]

    static let subjects: [(subject: String, config: String)] = [
        ("/C=CN/ST=浙江/L=杭州/O=某某市人民政府/OU=信息中心/CN=某某市测试根 CA", "utf8only"),
        ("/C=CN/O=测试/CN=某某+OU=多值", "pkix"),
        ("/C=CN/O=Example Org/CN=example.cn/emailAddress=a@example.cn", "default"),
        ("/DC=cn/DC=example/UID=u1/serialNumber=91110000X/CN=Ümlaut é", "nombstr"),
    ]

    @Test func certificatesTheOpenSSLCLIMakesReadAsAsn1cryptoReadsThem() throws {
        guard try Processes.pythonHas(["asn1crypto"]) else { return }
        let ca = try OpenSSLPKI()
        defer { ca.cleanUp() }
        var paths: [String] = []
        for (keyIndex, key) in OpenSSLPKI.KeyAlgorithm.allCases.enumerated() {
            for (profileIndex, profile) in Self.profiles.enumerated() {
                let (subject, mask) = Self.subjects[(keyIndex + profileIndex) % Self.subjects.count]
                let name = "c\(keyIndex)-\(profileIndex)"
                try ca.write("[req]\ndistinguished_name=dn\nstring_mask=\(mask)\n[dn]\n", to: "\(name).cnf")
                try ca.makeKey(name, algorithm: key)
                let digest: [String] =
                    switch key {
                    case .sm2: ["-sm3", "-sigopt", OpenSSLPKI.distinguishingID]
                    case .p256: ["-sha256"]
                    case .ed25519: []
                    }
                try ca.openssl(
                    [
                        "req", "-x509", "-config", "\(name).cnf", "-key", "\(name).key", "-out", "\(name).pem",
                        "-outform", "DER", "-utf8", "-multivalue-rdn", "-subj", subject, "-days", "30",
                    ]
                        + digest + profile)
                paths.append(ca.path("\(name).pem"))
            }
        }
        let readings = try Self.read(paths)
        #expect(readings.count == paths.count)
        for reading in readings {
            let der = try Data(contentsOf: URL(fileURLWithPath: reading.path))
            let certificate = try X509Certificate(derRepresentation: der)
            Self.expectAgreement(certificate, reading)
            #expect(certificate.isValidSignature(issuedBy: certificate), "\(reading.path)")
        }
    }

    /// Every certificate inside ../shared's seals, signed documents and PEM files.
    @Test func everySharedSampleCertificateReadsAsAsn1cryptoReadsIt() throws {
        guard let samples = try Fixtures.shared("samples"), try Processes.pythonHas(["asn1crypto"]) else { return }
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        // Finds DER certificates anywhere in the samples: PEM blocks, and any nested
        // element (inside zips, seals, signatures) that asn1crypto reads as a certificate.
        let extractor = #"""
            import base64, io, os, re, sys, zipfile
            from asn1crypto import x509
            found = {}
            def walk(data):
                i = 0
                while i + 2 <= len(data):
                    tag, first = data[i], data[i + 1]
                    header = 2
                    if first & 0x80:
                        count = first & 0x7F
                        if count == 0 or count > 4 or i + 2 + count > len(data):
                            return
                        length = int.from_bytes(data[i + 2:i + 2 + count], 'big')
                        header += count
                    else:
                        length = first
                    end = i + header + length
                    if end > len(data):
                        return
                    node, content = data[i:end], data[i + header:end]
                    if tag == 0x30:
                        try:
                            cert = x509.Certificate.load(node, strict=True)
                            cert.native
                            found[node] = True
                            i = end
                            continue
                        except Exception:
                            pass
                    if tag & 0x20 or tag == 0x04:
                        walk(content)
                    i = end
            def handle(data):
                for block in re.findall(rb'-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----', data, re.S):
                    found[base64.b64decode(b''.join(block.split()))] = True
                walk(data)
            for root, _, files in os.walk(sys.argv[1]):
                for file in files:
                    data = open(os.path.join(root, file), 'rb').read()
                    if zipfile.is_zipfile(io.BytesIO(data)):
                        with zipfile.ZipFile(io.BytesIO(data)) as archive:
                            for member in archive.namelist():
                                handle(archive.read(member))
                    else:
                        handle(data)
            for index, der in enumerate(sorted(found)):
                path = os.path.join(sys.argv[2], 'shared-%d.der' % index)
                open(path, 'wb').write(der)
                print(path)
            """#
        let extracted = try Processes.python(extractor, [samples.path, directory.path])
        #expect(extracted.status == 0, "\(extracted.stderrText)")
        let paths = extracted.stdoutText.split(separator: "\n").map(String.init)
        #expect(paths.count >= 2, "certificates found in the samples: \(paths.count)")
        for reading in try Self.read(paths) {
            let der = try Data(contentsOf: URL(fileURLWithPath: reading.path))
            let certificate = try X509Certificate(derRepresentation: der)
            Self.expectAgreement(certificate, reading)
        }
    }
}

extension String {
    /// Hexadecimal with an even number of digits, as `SerialNumber.description` prints it.
    fileprivate var leftPadded: String { count % 2 == 1 ? "0" + self : self }
}
