import Foundation

/// Parsing the JSON files commands are given, with messages that name the file and where the
/// text stops being JSON, never Foundation's own wording.
enum JSONInputs {
    /// The top-level value of `data`, read from `path` (as the item at `item`, its index and
    /// byte offset, when the file is read an item at a time); text that is not JSON is a usage
    /// error.
    static func value(_ data: Data, from path: String, item: (index: Int, offset: Int)? = nil) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            // Foundation's debug description says where the text went wrong ("around line 1,
            // column 0"); its localized description only that it did.
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String).map {
                ": " + String($0.prefix(200))
            }
            let place = item.map { " (in item \($0.index), which starts at byte offset \($0.offset))" } ?? ""
            throw CLIError(
                "\(InputFiles.display(path)) is not JSON\(place)\(detail ?? "") (JSON格式错误); give a UTF-8 JSON file")
        }
    }
}
