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
