import ELicense
import Foundation
import ZWKitTestSupport

/// The data XML inside issued licence files, taken out with Python's zipfile and validated with
/// Python's xmlschema against Specs/elicense (licence.xsd and each type's face schema): a check
/// by an implementation that shares nothing with libxml2 or the issuer.
enum IndependentSchemaCheck {
    /// Runs the check over `licences`; the result prints one `valid` line a licence, or fails.
    static func run(_ licences: [(ofd: Data, type: LicenceType)]) throws -> ProcessResult {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        var lines: [String] = []
        for (index, licence) in licences.enumerated() {
            try licence.ofd.write(to: directory.appendingPathComponent("\(index).ofd"))
            lines.append("\(index),\(licence.type.faceSchemaPath)")
        }
        let script = """
            import sys, zipfile, xmlschema
            from xml.etree import ElementTree
            specs, directory = sys.argv[1], sys.argv[2]
            licence = xmlschema.XMLSchema(specs + "/licence.xsd")
            for line in sys.stdin.read().split():
                index, face_path = line.split(",")
                xml = zipfile.ZipFile(f"{directory}/{index}.ofd").read("Doc_0/Attachs/licence.xml")
                licence.validate(xml.decode("utf-8"))
                face = ElementTree.tostring(ElementTree.fromstring(xml).find("ZMXX"), encoding="unicode")
                xmlschema.XMLSchema(specs + "/" + face_path).validate(face)
                print("valid")
            """
        return try Processes.python(
            script, [SchemaTests.specs.path, directory.path], stdin: Data(lines.joined(separator: "\n").utf8))
    }
}
