import Foundation

/// Parsing the JSON files commands are given, with messages that name the file and where the
/// text stops being JSON, never Foundation's own wording.
enum JSONInputs {
    /// The top-level value of `data`, read from `path`; text that is not JSON is a usage error.
    static func value(_ data: Data, from path: String) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            // Foundation's debug description says where the text went wrong ("around line 1,
            // column 0"); its localized description only that it did.
            let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String).map {
                ": " + String($0.prefix(200))
            }
            throw CLIError(
                "\(InputFiles.display(path)) is not JSON\(detail ?? "") (JSON格式错误); give a UTF-8 JSON file")
        }
    }
}
