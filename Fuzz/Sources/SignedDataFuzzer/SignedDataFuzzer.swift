import Foundation
import FuzzDriver
import GMCertificates
import GMCrypto
import OFD

/// A two-page document signed in each GB/T 35275 form by a CA made at start-up. The fuzzer
/// replaces the signed value (the SignedData DER), so every input reaches the SignedData reader
/// and verifier inside an otherwise valid package instead of being stopped by the zip.
private struct SignedBase {
    let package: OFDPackage
    let valuePath: String
    let value: [UInt8]
}

private struct Bases {
    let forms: [SignedBase]
    let anchor: X509Certificate
}

nonisolated(unsafe) private let bases: Bases? = {
    do {
        let key = SM2.Signing.PrivateKey()
        let anchor = try X509CertificateBuilder.certificateAuthority(
            subject: [.commonName("SignedData fuzz CA")], validFor: 10 * 365 * 86_400
        ).selfSigned(with: .sm2(key))
        let document = try OFDFile(data: OFDFile.makeTextDocument(title: "fuzz", pages: ["一", "二"]))
        var forms: [SignedBase] = []
        for form in OFDDigitalSigner.Form.allCases {
            let signed = try OFDFile(
                data: OFDDigitalSigner(privateKey: key, certificate: anchor, form: form).sign(document))
            guard let entry = try signed.signatureEntries(of: signed.documents[0]).first,
                let valuePath = try signed.signature(at: entry.path).signedValuePath
            else { return nil }
            forms.append(
                SignedBase(package: signed.package, valuePath: valuePath, value: try signed.package.data(at: valuePath))
            )
        }
        return Bases(forms: forms, anchor: anchor)
    } catch {
        return nil
    }
}()

/// libFuzzer's callback. The first byte picks the form whose package receives the rest as its
/// signed value; the package is then verified with the CA as SignedData trust anchor. Thrown
/// errors and failed checks are the expected answers to bad input; a trap or sanitizer report is
/// a bug, and so is the unchanged value failing to verify (the harness would test nothing).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSignedData(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let bases else { fatalError("the signed base documents could not be made") }
    guard let start, count > 0 else { return 0 }
    let base = bases.forms[Int(start[0]) % bases.forms.count]
    let value = Array(UnsafeBufferPointer(start: start + 1, count: count - 1))
    guard let rewritten = try? base.package.rewriting([base.valuePath: value]),
        let file = try? OFDFile(data: rewritten)
    else { return 0 }
    let report = OFDVerifier(sealVerifier: .init(), signedDataTrustAnchors: [bases.anchor]).verify(file)
    if value == base.value, !report.isValid {
        fatalError("the unchanged SignedData no longer verifies: \(report.signatures.map(\.checks))")
    }
    return 0
}

/// The executable's entry point: `--write-seeds DIR` writes each form's valid signed value
/// (behind its selector byte) into DIR as the seed corpus; anything else runs libFuzzer.
@_cdecl("SignedDataFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    let arguments = CommandLine.arguments
    if arguments.count == 3, arguments[1] == "--write-seeds" {
        guard let bases else { return 1 }
        for (index, base) in bases.forms.enumerated() {
            let seed = Data([UInt8(index)] + base.value)
            let url = URL(fileURLWithPath: arguments[2]).appendingPathComponent("signed-data-\(index)")
            guard (try? seed.write(to: url)) != nil else { return 1 }
        }
        return 0
    }
    return runLibFuzzer(argc, argv) { fuzzSignedData($0, $1) }
}
