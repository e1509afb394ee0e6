import ArgumentParser
import ELicense
import Foundation
import OFD

/// `zwkit license show`: what a licence file says (no verification).
struct LicenseShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a licence's metadata, face items and seals (nothing is verified: use `verify`).")

    @Argument(help: "The licence (.ofd).") var file: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let licence = try LicenseInputs.file(file)
        let data: LicenceData
        do {
            data = try LicenceXML.decode(licence.dataXML)
        } catch {
            throw CLIError("\(file): \(licence.dataXMLPath): \(error.description)")
        }
        let type = try? LicenceCatalogue.standard.type(code: data.metadata.typeCode)
        let signatures = (try? licence.ofd.documents.first.map { try licence.ofd.signatureEntries(of: $0) }) ?? nil
        if json {
            try Console.json(
                LicenseShowOutput(
                    file: file, metadata: Dictionary(data.metadata.elements.map { ($0.code, $0.value) }) { $1 },
                    face: data.face.items.map {
                        .init(code: $0.code, label: type?.faceField($0.code)?.label, value: $0.value)
                    },
                    signatures: signatures?.map(\.baseLocation) ?? []))
            return
        }
        Console.output("\(file): \(data.metadata.name)")
        let names = Dictionary(LicenceMetadata.elementNames.map { ($0.code, $0.name) }) { $1 }
        for (code, value) in data.metadata.elements {
            Console.output("  \(code) \(names[code] ?? ""): \(value)")
        }
        Console.output("  照面信息:")
        for (code, value) in data.face.items {
            Console.output("    \(type?.faceField(code)?.label ?? code) (\(code)): \(value)")
        }
        Console.output(
            "  seals: \(signatures?.count ?? 0) (\(signatures?.map(\.baseLocation).joined(separator: ", ") ?? ""))")
    }
}

private struct LicenseShowOutput: Encodable {
    struct Item: Encodable {
        let code: String
        let label: String?
        let value: String
    }

    let file: String
    let metadata: [String: String]
    let face: [Item]
    let signatures: [String]
}

/// `zwkit license annotate`: an annotated copy 加注件, sealed again by the issuer.
struct LicenseAnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Make an annotated copy (加注件) of a licence: a purpose and an expiry, sealed again by the issuer.",
        discussion: """
            The licence is verified first (with --trust, fully; without, its integrity) and only a valid one \
            is annotated. Exit 0 when written, 1 when the licence does not verify or the seal is not the licence \
            issuer's, 2 for unreadable input.
            """)

    @Argument(help: "The licence (.ofd).") var file: String
    @Option(help: "What the copy may be used for (加注件制作事由).") var purpose: String
    @Option(help: "When the copy expires (YYYY-MM-DD or ISO 8601).") var expires: String
    @Option(help: "The issuer's seal (.esl).") var seal: String
    @Option(help: "The issuer's SM2 private key (PEM).") var key: String
    @Option(help: "The issuer's certificate (PEM or DER).") var cert: String
    @Option(help: "Trust anchors (PEM bundle) to verify the licence with before annotating.") var trust: String?
    @Option(name: .shortAndLong, help: "Where to write the annotated copy.") var output: String

    func run() throws {
        let licence = try LicenseInputs.file(file)
        let expiry = try TimeOptions.parse(expires, option: "--expires")
        let issuer = try LicenseInputs.issuer(seal: seal, key: key, cert: cert)
        let anchors = try trust.map(SealInputs.certificates) ?? []
        let verifier = LicenceVerifier(trustAnchors: anchors, mode: anchors.isEmpty ? .integrityOnly : .full)
        do {
            let copy = try issuer.annotate(licence, purpose: purpose, expires: expiry, verifier: verifier)
            try OutputFiles.write(copy, to: output)
            Console.error("wrote \(output): annotated copy for \"\(purpose)\"")
        } catch let error as ELicenseError {
            Console.error(error.description)
            switch error {
            case .invalidLicenceFile, .annotatorNotIssuer: throw CLIExit.invalid
            default: throw CLIExit.usage
            }
        }
    }
}
