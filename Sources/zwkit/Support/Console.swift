import Foundation
import ZhengwuKitCore

/// Where zwkit writes: results on stdout, messages for people on stderr.
enum Console {
    static func output(_ text: String) {
        StandardOutput.writeOrExit(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        StandardError.write(Data(("zwkit: " + text + "\n").utf8))
    }

    /// Why a command stopped: an error message may quote what it read (a PEM label, a token, a
    /// path), so every run of more than 160 characters without a space is cut to its first 80
    /// and a count; a 5 MB input must not come back on the terminal. (What a command prints on
    /// purpose, such as a sign-in URL, goes through ``error(_:)`` whole.)
    static func refusal(_ text: String) {
        error(bounded(text))
    }

    static func bounded(_ text: String) -> String {
        guard text.count > 160 else { return text }
        var result = ""
        for (index, word) in text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { result += " " }
            result += word.count > 160 ? "\(word.prefix(80))…(\(word.count) characters)" : String(word)
        }
        return result
    }

    /// One JSON object on one line, keys sorted so output is stable for scripts and tests.
    static func json<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every time in every JSON output is ISO 8601 UTC, never seconds since 2001.
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        let data = try encoder.encode(value)
        StandardOutput.writeOrExit(data + Data("\n".utf8))
    }
}
