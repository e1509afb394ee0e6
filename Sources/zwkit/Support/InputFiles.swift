import Foundation

/// Reading and writing the files commands are given, with `-` meaning stdin/stdout.
enum InputFiles {
    /// The bytes of `path`, or of standard input when `path` is `-`.
    static func read(_ path: String) throws -> Data {
        if path == "-" {
            return FileHandle.standardInput.readDataToEndOfFile()
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError("cannot read \(path): \(describe(error))")
        }
    }

    /// The UTF-8 text of `path` (or stdin).
    static func readText(_ path: String) throws -> String {
        let data = try read(path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError("\(path) is not UTF-8 text")
        }
        return text
    }

    /// Writes `data` to `path`, or to standard output when `path` is `-`.
    static func write(_ data: Data, to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError("cannot write \(path): \(describe(error))")
        }
    }

    private static func describe(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
