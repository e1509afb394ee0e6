import Foundation
import ZWKitTestSupport

/// The third-party seals and signatures in ../shared, read at test time (never copied).
enum SampleFiles {
    static let seals = ["UserV1.esl", "UserV4.esl", "UserV5.esl", "UserV5_ts.esl"]
    static let signatures = ["SignedValueV4.dat", "SignedValueV5.dat"]

    /// The bytes of `name` in samples/eseal, or nil when ../shared is absent.
    static func eseal(_ name: String) throws -> Data? {
        guard let url = try Fixtures.shared("samples/eseal/\(name)") else { return nil }
        return try Data(contentsOf: url)
    }

    /// A member of an OFD sample (a zip), extracted by Python's zipfile, or nil when absent.
    static func ofdMember(_ ofd: String, _ member: String) throws -> Data? {
        guard let url = try Fixtures.shared("samples/ofd/\(ofd)") else { return nil }
        let script = "import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))"
        let result = try Processes.python(script, [url.path, member])
        guard result.status == 0 else { throw FixtureError.missing("\(ofd) \(member): \(result.stderrText)") }
        return result.stdout
    }

    /// The OFD samples that carry a signature, with the seal member when the OFD has one.
    static let signedOFDs: [(file: String, seal: String?)] = [
        ("v4signed.ofd", nil),
        ("allprotected.ofd", "Doc_0/Signs/Sign_0/Seal.esl"),
        ("SESV4SignDoc.ofd", "Doc_0/Signs/Sign_0/Seal.esl"),
    ]
    static let signedValueMember = "Doc_0/Signs/Sign_0/SignedValue.dat"
    static let signatureXMLMember = "Doc_0/Signs/Sign_0/Signature.xml"
}
