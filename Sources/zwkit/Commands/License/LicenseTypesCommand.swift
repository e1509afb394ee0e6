import ArgumentParser
import ELicense

/// `zwkit license types`: the catalogue.
struct LicenseTypesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "types",
        abstract: "List the catalogued licence types (证照目录, GB/T 36902 fields).")

    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let types = LicenceCatalogue.standard.types
        if json {
            try Console.json(["types": types])
            return
        }
        for type in types {
            let source = type.codeSource == .assigned ? "  [code assigned by ZhengwuKit, unconfirmed]" : ""
            Console.output(
                "\(type.code)  \(type.name)  定义机构 \(type.definingAuthority)  \(type.holderCategory.rawValue)\(source)")
            Console.output(
                "    有效期限 \(type.validity.description); 颁发 \(type.issuingAuthority); 照面信息 \(type.faceSchemaPath)")
        }
    }
}

/// `zwkit license template --type CODE`: a valid example data JSON.
struct LicenseTemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Print a valid example data JSON for a licence type, the input of `license issue --data`.")

    @Option(name: .customLong("type"), help: "The licence type code (see `zwkit license types`).")
    var typeCode: String

    func run() throws {
        let type: LicenceType
        do {
            type = try LicenceCatalogue.standard.type(code: typeCode)
        } catch {
            throw CLIError(error.description)
        }
        guard let example = LicenceRequest.exampleJSON(for: type) else {
            throw CLIError("no example is catalogued for \(type.code) \(type.name) (无示例数据)")
        }
        Console.output(example.hasSuffix("\n") ? String(example.dropLast()) : example)
    }
}
