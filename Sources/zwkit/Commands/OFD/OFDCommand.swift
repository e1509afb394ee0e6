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

/// Opens an OFD file for a command, unreadable input being a usage error (exit 2). The file
/// is read through the bounded reader, so a directory, a device or an endless stream is refused
/// by name before the package reader sees it.
enum OFDInputs {
    /// Larger than any OFD document a person hands over; the package reader bounds what it inflates.
    static let limit = 256 << 20

    static func open(_ path: String) throws -> OFDFileHandle {
        let bytes = try InputFiles.read(path, limit: limit)
        do {
            return OFDFileHandle(file: try OFDFile(data: bytes))
        } catch {
            throw CLIError("\(InputFiles.display(path)): \(error.message) (\(error.chineseTerm)) [\(error.code)]")
        }
    }
}

struct OFDFileHandle {
    let file: OFDFile
}
