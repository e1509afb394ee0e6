import Foundation
import ZhengwuKitCore

/// Every date option of every command (`--at`, `--not-before`, `--valid-from`, `--this-update`, …)
/// reads its value through the one strict parser, so no form is read as something else.
enum TimeOptions {
    static func parse(_ text: String, option: String) throws -> Date {
        do {
            return try Timestamp.parse(text)
        } catch {
            throw CLIError("\(option): \(error.message) (\(error.chineseTerm))")
        }
    }
}
