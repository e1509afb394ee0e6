import ESeal
import Foundation
import FuzzDriver
import OFD
import ZhengwuKitCore

/// A small valid package whose parts the fuzzer replaces, so mutated XML reaches the XML
/// reader and the model without first having to form a valid zip with matching CRCs.
private let basePackage: OFDPackage? = {
    guard let data = try? OFDFile.makeTextDocument(title: "fuzz", pages: ["一", "二"]) else { return nil }
    return try? OFDPackage(data: data)
}()

private let targets = [
    "OFD.xml", "Doc_0/Document.xml", "Doc_0/Pages/Page_0/Content.xml", "Doc_0/Signs/Signatures.xml",
]

/// libFuzzer's callback. The first byte chooses what the rest is: a whole package (any zip,
/// bytes around it included), or one part placed into a valid package. Every reader runs:
/// pages, annotations, attachments, signature lists and `Signature.xml`s, the invoice and
/// integrity-only verification. Thrown errors are the expected answer to bad input; any trap
/// or sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOFD(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let selector = Int(start[0])
    let bytes = Array(UnsafeBufferPointer(start: start + 1, count: count - 1))
    let file: OFDFile?
    if selector % 8 < 4 {
        file = try? OFDFile(data: bytes)
    } else {
        var parts = [targets[selector % 4]: bytes]
        if selector % 4 == 3 {
            // A signature list and a Signature.xml it may point at.
            parts["Doc_0/Signs/Sign_0/Signature.xml"] = bytes
            parts["OFD.xml"] = Array(
                #"<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot><ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures></ofd:DocBody></ofd:OFD>"#
                    .utf8)
        }
        guard let rewritten = try? basePackage?.rewriting(parts) else { return 0 }
        file = try? OFDFile(data: rewritten)
    }
    guard let file else { return 0 }
    for document in file.documents {
        _ = try? file.pages(of: document)
        _ = try? file.annotations(of: document)
        _ = try? file.attachments(of: document)
        if let entries = try? file.signatureEntries(of: document) {
            for entry in entries { _ = try? file.signature(at: entry.path) }
        }
    }
    _ = try? file.invoice()
    _ = OFDVerifier(sealVerifier: .init(), mode: .integrityOnly).verify(file)
    return 0
}

/// The executable's entry point; see `runLibFuzzer`.
@_cdecl("OFDFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzOFD($0, $1) }
}
