import Foundation
import ZhengwuKitCore

/// Where zwkit writes: results on stdout, messages for people on stderr.
enum Console {
    static func output(_ text: String) {
        StandardOutput.writeOrExit(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        StandardError.write(Data(("zwkit: " + bounded(text) + "\n").utf8))
    }

    /// `text` with every run of more than 160 characters without a space cut to its first 80
    /// and a count: a message may quote what it read (a PEM label, a token, a path), but a 5 MB
    /// input must not come back on the terminal.
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
