import ELicense
import FuzzDriver

/// libFuzzer's callback: every input goes through the licence XML reader (and, when it reads,
/// back through the writer, which must reproduce the same values), the schema validation, the
/// identifier parser and the status-list reader. A trap or sanitizer report is a bug; thrown
/// errors are the expected answer to bad input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLicence(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    if let data = try? LicenceXML.decode(bytes) {
        // What was read must write and read back to the same values: a mismatch is a bug.
        if let written = try? LicenceXML.encode(data) {
            guard let again = try? LicenceXML.decode(written), again == data else {
                fatalError("licence XML did not round-trip")
            }
        }
        _ = try? data.metadata.identifier(strictness: .lenient)
    }
    try? LicenceXML.validate(bytes)
    _ = try? LicenceIdentifier(parsing: String(decoding: bytes.prefix(256), as: UTF8.self), strictness: .lenient)
    _ = try? LicenceStatusList(derEncoded: bytes)
    return 0
}

/// The executable's entry point; see `runLibFuzzer`.
@_cdecl("LicenceFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { fuzzLicence($0, $1) }
}
