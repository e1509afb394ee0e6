import Foundation
import ZhengwuKitCore

/// One subcommand as the hostile-environment suite runs it: a working invocation whose input,
/// output and date arguments the suite swaps, one at a time, for something hostile.
struct HostileInvocation: Sendable, CustomStringConvertible {
    /// What an input holds, which decides what garbage in it must give.
    enum InputKind: Sendable {
        /// A key, certificate, seal, token, catalogue: unreadable garbage exits 2.
        case structured
        /// One code per line for a bulk checker: garbage lines are checked and invalid, exit 1.
        case lines
        /// Bytes to hash, sign or verify: any bytes are acceptable data (exit 0, or 1 where a
        /// signature over other bytes no longer verifies).
        case data
    }

    enum Part: Sendable {
        case literal(String)
        /// A file of the workspace (or `-`, standard input, when `name` is `-`).
        case input(String, InputKind)
        /// A path the command writes; `isPrivateKey` outputs must be created 0600.
        case output(String, isPrivateKey: Bool)
        /// A date option with a valid value (``HostileInvocation/now``: the time of the run).
        case date(option: String, value: String)
    }

    let path: [String]
    let parts: [Part]
    /// What standard input carries in the working invocation.
    var standardInput: String? = nil

    init(_ path: String, _ parts: [Part], standardInput: String? = nil) {
        self.path = path.split(separator: " ").map(String.init)
        self.parts = parts
        self.standardInput = standardInput
    }

    var description: String { path.joined(separator: " ") }

    /// A date value standing for the moment the invocation runs, after the workspace was made.
    static let now = "<now>"

    /// The arguments with every part in its working form, except `replacing` (a part index),
    /// which takes `substitute`.
    func arguments(in workspace: URL, replacing index: Int? = nil, with substitute: String? = nil) -> [String] {
        var arguments = path
        for (position, part) in parts.enumerated() {
            let override = position == index ? substitute : nil
            switch part {
            case .literal(let text): arguments.append(text)
            case .input(let name, _):
                arguments.append(override ?? (name == "-" ? "-" : workspace.appendingPathComponent(name).path))
            case .output(let name, _):
                arguments.append(override ?? workspace.appendingPathComponent(name).path)
            case .date(let option, let value):
                arguments += [option, override ?? (value == Self.now ? Timestamp.format(Date()) : value)]
            }
        }
        return arguments
    }
}
