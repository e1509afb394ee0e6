import ESeal
import Foundation
import Testing
import ZWKitTestSupport

/// Seals and signatures ESeal makes verify with OpenSSL alone: the test extracts the
/// signed structure and the signature value and runs `openssl dgst -sm3 -verify`.
@Suite("ESeal's output verifies with OpenSSL alone")
struct OpenSSLInteropTests {
    private func opensslVerifies(message: [UInt8], signature: [UInt8], certificatePEM: String) throws -> Bool {
        let work = try OpenSSLPKI()
        defer { work.cleanUp() }
        try Data(message).write(to: work.directory.appendingPathComponent("tbs.der"))
        try Data(signature).write(to: work.directory.appendingPathComponent("sig.der"))
        try work.write(certificatePEM, to: "cert.pem")
        try work.openssl(["x509", "-in", "cert.pem", "-pubkey", "-noout", "-out", "pub.pem"])
        let result = try Processes.run(
            "openssl",
            [
                "dgst", "-sm3", "-verify", "pub.pem", "-sigopt", OpenSSLPKI.distinguishingID, "-signature", "sig.der",
                "tbs.der",
            ], currentDirectory: work.directory)
        return result.status == 0 && result.stdoutText.contains("Verified OK")
    }

    @Test("the maker's signature over DER(SES_SealInfo) verifies with openssl dgst")
    func sealSignature() throws {
        let pki = try TestPKI.make()
        let seal = try pki.seal()
        guard case .v4(let structure) = seal.structure else {
            Issue.record("a made seal is v4")
            return
        }
        #expect(
            try opensslVerifies(
                message: structure.sealInfoBytes, signature: structure.signedValue,
                certificatePEM: pki.maker.pemRepresentation))
        var tampered = structure.sealInfoBytes
        tampered[tampered.count - 1] ^= 1
        #expect(
            try !opensslVerifies(
                message: tampered, signature: structure.signedValue, certificatePEM: pki.maker.pemRepresentation))
    }

    @Test("the signer's signature over DER(TBS_Sign) verifies with openssl dgst, and the embedded seal too")
    func signatureOverTBS() throws {
        let pki = try TestPKI.make()
        let signature = try pki.signature()
        guard case .v4(let structure) = signature.structure, case .v4(let seal) = signature.seal.structure else {
            Issue.record("a made signature is v4")
            return
        }
        #expect(
            try opensslVerifies(
                message: structure.toSignBytes, signature: structure.signature,
                certificatePEM: pki.signer.pemRepresentation))
        #expect(
            try opensslVerifies(
                message: seal.sealInfoBytes, signature: seal.signedValue, certificatePEM: pki.maker.pemRepresentation))
    }

    @Test("OpenSSL's own asn1parse reads the whole signature as well-formed DER")
    func asn1parse() throws {
        let pki = try TestPKI.make()
        let signature = try pki.signature()
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        try Data(signature.derRepresentation).write(to: directory.appendingPathComponent("s.dat"))
        let result = try Processes.run(
            "openssl", ["asn1parse", "-inform", "DER", "-in", "s.dat"], currentDirectory: directory)
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("SM2-with-SM3"))
        #expect(result.stdoutText.contains("GENERALIZEDTIME"))
    }

    @Test("asn1crypto (Python) reads the seal's fields as ESeal wrote them")
    func asn1crypto() throws {
        guard try Processes.pythonHas(["asn1crypto"]) else { return }
        let pki = try TestPKI.make()
        let seal = try pki.seal()
        let script = """
            import sys
            from asn1crypto import core
            class Header(core.Sequence):
                _fields = [('id', core.IA5String), ('version', core.Integer), ('vid', core.IA5String)]
            class Property(core.Sequence):
                _fields = [('type', core.Integer), ('name', core.UTF8String), ('certListType', core.Integer),
                           ('certList', core.SequenceOf, {'spec': core.OctetString}),
                           ('createDate', core.GeneralizedTime), ('validStart', core.GeneralizedTime),
                           ('validEnd', core.GeneralizedTime)]
            class Picture(core.Sequence):
                _fields = [('type', core.IA5String), ('data', core.OctetString), ('width', core.Integer),
                           ('height', core.Integer)]
            class SealInfo(core.Sequence):
                _fields = [('header', Header), ('esID', core.IA5String), ('property', Property), ('picture', Picture)]
            class Seal(core.Sequence):
                _fields = [('info', SealInfo), ('cert', core.OctetString), ('alg', core.ObjectIdentifier),
                           ('signedValue', core.OctetBitString)]
            seal = Seal.load(sys.stdin.buffer.read(), strict=True)
            info = seal['info']
            print(info['header']['version'].native, info['property']['name'].native, info['picture']['width'].native,
                  seal['alg'].dotted, len(info['property']['certList']))
            """
        let result = try Processes.python(script, stdin: Data(seal.derRepresentation))
        #expect(result.status == 0, "\(result.stderrText)")
        #expect(
            result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) == "4 测试市人民政府 40 1.2.156.10197.1.501 1")
    }
}
