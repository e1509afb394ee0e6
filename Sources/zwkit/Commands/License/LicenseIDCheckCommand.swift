import ArgumentParser
import ELicense
import ZhengwuKitCore

/// `zwkit license id check`: licence identifiers, as arguments or one per input line.
struct LicenseIDCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check licence identifiers (arguments, or one per line of standard input).",
        discussion: """
            Checks the root OID 1.2.156.3005.2, the five parts (type code of 21 characters, issuer code, \
            serial, three-digit version, check character) and the ISO 7064 MOD 37,36 check character; \
            a wrong one is reported with the expected one. --lenient also takes lower case and wider \
            issuer-code and serial lengths. Exit 0 when all are valid, 1 when any is not.
            """)

    @Argument(help: "Identifiers to check; none = read one per line.") var identifiers: [String] = []
    @Flag(help: "Take lower case and wider part lengths.") var lenient = false
    @OptionGroup var bulk: BulkCheckOptions

    func run() throws {
        var check = BulkCheck(
            checker: LicenceIDChecker(strictness: lenient ? .lenient : .strict), options: bulk)
        try check.run(arguments: identifiers)
    }
}

/// The per-line half of `zwkit license id check`.
struct LicenceIDChecker: BulkLineChecker {
    let strictness: Strictness

    func check(_ field: UnsafeBufferPointer<UInt8>) -> Result<LicenceIdentifier, BulkCheckFailure> {
        do throws(LicenceIdentifierError) {
            return .success(
                try LicenceIdentifier(parsing: String(decoding: field, as: UTF8.self), strictness: strictness))
        } catch {
            return .failure(BulkCheckFailure(code: error.code, message: error.message, chineseTerm: error.chineseTerm))
        }
    }

    func writeFields(of id: LicenceIdentifier, to output: BulkOutput) {
        output.jsonString("type_code", id.typeCode)
        if let type = try? LicenceCatalogue.standard.type(code: id.typeCode) {
            output.jsonString("type_name", type.name)
        }
        output.jsonString("issuer_code", id.issuerCode)
        output.jsonString("serial", id.serial)
        output.jsonString("version", id.version)
        output.jsonCharacter("check_character", id.checkCharacter)
    }

    func summary(of id: LicenceIdentifier) -> String {
        let type = (try? LicenceCatalogue.standard.type(code: id.typeCode))?.name ?? "uncatalogued type"
        return "\(type) \(id.typeCode), issuer \(id.issuerCode), serial \(id.serial), version \(id.version)"
    }
}
