import ArgumentParser
import Foundation
import OFD

/// `zwkit ofd`: OFD documents (GB/T 33190): verify every seal, seal, show, read e-invoices.
struct OFDCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ofd",
        abstract: "OFD documents: verify every signature (验章), seal (签章), sign (数字签名), show contents, read e-invoices.",
        subcommands: [
            OFDVerifyCommand.self, OFDSealCommand.self, OFDSignCommand.self, OFDInfoCommand.self,
            OFDInvoiceCommand.self,
        ]
    )
}

/// Opens an OFD file for a command, unreadable input being a usage error (exit 2).
enum OFDInputs {
    static func open(_ path: String) throws -> OFDFileHandle {
        guard FileManager.default.isReadableFile(atPath: path) else { throw CLIError("cannot read \(path)") }
        do {
            return OFDFileHandle(file: try OFDFile(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CLIError("\(path): \(error.message) (\(error.chineseTerm)) [\(error.code)]")
        }
    }
}

struct OFDFileHandle {
    let file: OFDFile
}
