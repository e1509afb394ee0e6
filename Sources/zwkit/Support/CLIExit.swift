import ArgumentParser
import Foundation
import ZhengwuKitCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The three exit statuses every zwkit command uses.
enum CLIExit {
    /// Checked and valid, or the operation succeeded.
    static let ok = ExitCode(0)
    /// Checked and found invalid (a bad signature, an invalid number).
    static let invalid = ExitCode(1)
    /// Bad usage or input that could not be read or parsed at all.
    static let usage = ExitCode(2)

    /// Prints what a person needs to see about `error` and returns the exit status.
    static func status(for error: Error) -> Int32 {
        if let exitCode = error as? ExitCode {
            return exitCode.rawValue
        }
        if let cliError = error as? CLIError {
            Console.refusal(cliError.description)
            return usage.rawValue
        }
        if let error = error as? any ZhengwuKitError {
            // A library refusal no command mapped itself: still the house shape, no "Error:".
            Console.refusal("\(error.message) (\(error.chineseTerm)) [\(error.code)]")
            return usage.rawValue
        }
        let parserStatus = ZWKit.exitCode(for: error)
        let message = ZWKit.fullMessage(for: error)
        if parserStatus == .success {
            // --help and --version are successes and belong on stdout.
            if !message.isEmpty { Console.output(message) }
            return ok.rawValue
        }
        if !message.isEmpty { Console.refusal(message) }
        // Usage errors and anything unexpected both mean "could not do what was asked".
        return usage.rawValue
    }
}

/// An input or usage problem found by a command itself (unreadable file, bad option value).
/// Always exits with status 2.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension CLIError {
    /// A library refusal in the house shape: `<place>: <message> (<中文>) [<code>]`, where
    /// `place` names the file or option it is about.
    init(_ place: String, _ error: some ZhengwuKitError) {
        self.init("\(place): \(error.message) (\(error.chineseTerm)) [\(error.code)]")
    }

    /// What `body` returns, or its library refusal in the house shape, said of `place`.
    static func refusing<Value, Failure: ZhengwuKitError>(
        _ place: @autoclosure () -> String, _ body: () throws(Failure) -> Value
    ) throws(CLIError) -> Value {
        do {
            return try body()
        } catch {
            throw CLIError(place(), error)
        }
    }
}
