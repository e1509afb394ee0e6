import ArgumentParser
import ServiceItem

/// `zwkit item check`: the shared bulk checker over service-item codes of any kind.
struct ItemCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check service-item codes (arguments, or one per line of standard input).",
        discussion: """
            Recognises basic codes (12), implementation codes (31), business item codes (33) and case \
            numbers (43 or 48) by length and checks every part, the embedded credit code included. A code \
            with hyphens is read as a 四川政务服务网 item code (item-area-000-body-d-dd), whose body must \
            be a credit code too. With --lenient, a body code that is not a credit code and the local item \
            types 30–32 and TC are accepted with a notice (--strict is the default). Exit 0 when all are valid, 1 when any is not.
            """
    )

    @Argument(help: "Codes to check; none = read one per line.")
    var codes: [String] = []

    @OptionGroup var options: ItemCodeOptions

    @OptionGroup var bulk: BulkCheckOptions

    func run() throws {
        var check = BulkCheck(checker: ItemCodeChecker(options: options), options: bulk)
        try check.run(arguments: codes)
    }
}

/// The per-line half of `zwkit item check` and `zwkit item parse`.
struct ItemCodeChecker: BulkLineChecker {
    let options: ItemCodeOptions
    /// `item parse`: print every valid code's parts, not only the problems.
    var printsParts = false

    func check(_ field: UnsafeBufferPointer<UInt8>) -> Result<ServiceItemCode, BulkCheckFailure> {
        options.parse(String(decoding: field, as: UTF8.self)).mapError { BulkCheckFailure($0) }
    }

    /// Every part as a flat field (`body_code`, `level`, `level_name` …), in code order, after
    /// `tolerated`: the machine codes of every rule lenient checking waived, comma-separated
    /// (the `notice` names only the first).
    func writeFields(of code: ServiceItemCode, to output: BulkOutput) {
        let tolerated = code.toleratedErrors
        if !tolerated.isEmpty { output.jsonString("tolerated", tolerated.map(\.code).joined(separator: ",")) }
        output.jsonString("kind", code.kind.rawValue)
        output.jsonString("kind_name", code.kind.chineseName)
        if case .provincialImplementation(let provincial) = code {
            output.jsonString("scheme", provincial.scheme)
            if let itemType = provincial.itemType { output.jsonString("item_type", itemType.code) }
        }
        for part in code.parts {
            output.jsonString(Self.fieldName(part.key), part.value)
            if let meaning = part.meaning { output.jsonString(Self.fieldName(part.key + "Name"), meaning) }
        }
    }

    func summary(of code: ServiceItemCode) -> String {
        if printsParts { return Self.partsTable(of: code) }
        let parts = code.parts.filter { $0.meaning != nil || $0.key == "mainItem" }
            .map { "\($0.chineseName) \($0.meaning ?? $0.value)" }
        return "\(code.kind.chineseName): " + parts.joined(separator: ", ")
    }

    func writeValidText(_ code: ServiceItemCode, to output: BulkOutput) -> Bool {
        guard printsParts else { return false }
        output.append(code.code)
        output.append("  ")
        output.append(Self.partsTable(of: code))
        return true
    }

    func notice(for code: ServiceItemCode) -> BulkCheckFailure? {
        guard let first = code.toleratedErrors.first else { return nil }
        let messages = code.toleratedErrors.map(\.message).joined(separator: "; ")
        return BulkCheckFailure(
            code: first.code, message: "accepted leniently: \(messages)", chineseTerm: first.chineseTerm)
    }

    /// `mainItem` → `main_item`, the driver's JSON key style.
    static func fieldName(_ key: String) -> StaticString {
        switch key {
        case "bodyCode": return "body_code"
        case "bodyCodeName": return "body_code_name"
        case "level": return "level"
        case "levelName": return "level_name"
        case "catalogueOrigin": return "catalogue_origin"
        case "catalogueOriginName": return "catalogue_origin_name"
        case "itemType": return "item_type"
        case "itemTypeName": return "item_type_name"
        case "mainItem": return "main_item"
        case "subItem": return "sub_item"
        case "subItemName": return "sub_item_name"
        case "sequence": return "sequence"
        case "date": return "date"
        case "dateName": return "date_text"
        case "serial": return "serial"
        case "serialName": return "serial_format"
        case "province": return "province"
        case "provinceName": return "province_name"
        case "localType": return "local_type"
        case "localTypeName": return "local_type_name"
        case "itemNumber": return "item_number"
        case "itemPart": return "item_part"
        case "areaCode": return "area_code"
        case "areaCodeName": return "area_code_name"
        case "afterArea": return "after_area"
        case "afterBody": return "after_body"
        case "lastSegment": return "last_segment"
        default: return "part"
        }
    }
}
