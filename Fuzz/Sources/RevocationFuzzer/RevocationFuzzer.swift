import Foundation
import FuzzDriver
import GMCertificates
import GMCrypto

/// An issuer made once per fuzzing process, so parsed lists and responses also reach the
/// signature check, the CertID hashing and the revocation policy.
private let issuer: (certificate: X509Certificate, leaf: X509Certificate)? = {
    let key = X509Certificate.PrivateKey.generate(.sm2)
    guard
        let root = try? X509CertificateBuilder.certificateAuthority(subject: [.commonName("Fuzz CA")], validFor: 86_400)
            .selfSigned(with: key),
        let leaf = try? X509CertificateBuilder.endEntity(subject: [.commonName("Fuzz leaf")], validFor: 3_600)
            .issue(for: X509Certificate.PrivateKey.generate(.sm2).publicKey, issuer: root, issuerKey: key)
    else { return nil }
    return (root, leaf)
}()

/// libFuzzer entry point: every input is read as a DER revocation list, as PEM text, and as
/// an OCSP response; what reads is checked against the fixed issuer. Any trap, overflow or
/// sanitizer report is a bug; thrown errors are the expected answer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRevocation(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    var lists: [X509RevocationList] = []
    if let list = try? X509RevocationList(derRepresentation: bytes) { lists.append(list) }
    if let list = try? X509RevocationList(pemRepresentation: String(decoding: bytes, as: UTF8.self)) {
        lists.append(list)
    }
    let response = try? X509OCSPResponse(derRepresentation: bytes)
    guard let issuer else { return 0 }
    for list in lists {
        _ = list.isValidSignature(issuedBy: issuer.certificate)
        _ = list.entry(for: issuer.leaf.serialNumber)
        _ = list.crlNumberDescription
    }
    if !lists.isEmpty {
        _ = X509RevocationPolicy(lists: lists, whenNoList: .warn, whenStale: .warn)
            .statuses(of: [issuer.leaf, issuer.certificate], at: Date())
    }
    if let response {
        _ = try? response.status(of: issuer.leaf, issuedBy: issuer.certificate, at: Date())
    }
    return 0
}

/// The executable's entry point; see `runLibFuzzer`.
@_cdecl("RevocationFuzzer_main")
public func revocationFuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzRevocation(data, size) }
}
