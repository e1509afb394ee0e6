import ArgumentParser
import Foundation
import OFD
import ZhengwuKitCore

/// `zwkit ofd info`: documents, pages, metadata, attachments and signatures of an OFD file.
struct OFDInfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Show an OFD file's documents, pages, metadata, attachments and signatures.")

    @Argument(help: "The OFD file.") var file: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() async throws {
        let input = try OFDInputs.open(file)
        let info: Info
        do {
            info = try Info(input.file)
        } catch {
            throw CLIError("\(file): \(error.message) (\(error.chineseTerm)) [\(error.code)]")
        }
        if json {
            try Console.json(info)
            return
        }
        Console.output("\(file): OFD \(info.version ?? "?"), \(info.documents.count) document(s)")
        for warning in info.warnings { Console.output("  warning: \(warning)") }
        for document in info.documents {
            Console.output("\(document.root): \(document.pages.count) page(s)")
            let metadata = document.info
            for (label, value) in [
                ("title", metadata.title), ("author", metadata.author), ("creator", metadata.creator),
                ("created", metadata.creationDate), ("id", metadata.documentID),
            ] {
                if let value { Console.output("  \(label): \(value)") }
            }
            for custom in metadata.customData { Console.output("  custom \(custom.name): \(custom.value)") }
            for page in document.pages { Console.output("  page \(page.id): \(page.path)") }
            for attachment in document.attachments {
                Console.output(
                    "  attachment \(attachment.name) (\(attachment.format ?? "?")): \(attachment.path ?? "-")")
            }
            for signature in document.signatures {
                Console.output("  signature \(signature.id) [\(signature.type)]: \(signature.path)")
            }
        }
    }

    struct Info: Encodable {
        let version: String?
        let documents: [Document]
        let warnings: [VerificationWarning]

        init(_ file: OFDFile) throws(OFDError) {
            version = file.version
            warnings = file.warnings
            var documents: [Document] = []
            for document in file.documents {
                documents.append(
                    Document(
                        root: document.rootPath, info: document.info, pages: document.pages,
                        attachments: try file.attachments(of: document),
                        signatures: try file.signatureEntries(of: document)))
            }
            self.documents = documents
        }
    }

    struct Document: Encodable {
        let root: String
        let info: OFDDocumentInfo
        let pages: [OFDPageReference]
        let attachments: [OFDAttachment]
        let signatures: [OFDSignatureEntry]
    }
}
