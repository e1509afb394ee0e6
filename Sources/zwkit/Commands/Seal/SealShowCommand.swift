import ArgumentParser
import ESeal
import Foundation
import ZhengwuKitCore

/// `zwkit seal show`: every field of a seal or signature.
struct SealShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show every field of a seal (.esl) or a signature (SignedValue.dat).")

    @Argument(help: "A seal or a signature, any version.") var file: String
    @Option(help: "Write the seal's picture to this file.") var picture: String?
    @Flag(help: "Print one JSON object.") var json = false

    func run() async throws {
        let document = try SealInputs.document(file)
        let summary = SealSummary(file: file, document: document)
        if let picture {
            let seal: ElectronicSeal
            switch document {
            case .seal(let value): seal = value
            case .signature(let value): seal = value.seal
            }
            try OutputFiles.write(Data(seal.picture.data), to: picture)
        }
        if json {
            try Console.json(summary)
        } else {
            printText(summary)
        }
    }

    private func printText(_ summary: SealSummary) {
        let seal = summary.seal
        Console.output("\(summary.file): \(summary.kind)")
        if let signature = summary.signature {
            Console.output("signature (签章), version \(signature.version)")
            Console.output(
                "  signingTime        \(signature.signingTime.map { "\($0)" } ?? "(unreadable v1 timeInfo)")")
            Console.output("  dataHash           \(signature.dataHash)")
            Console.output("  propertyInfo       \(signature.propertyInfo)")
            printCertificate("  signer             ", signature.signerCertificate)
            Console.output("  signatureAlgorithm \(signature.signatureAlgorithm)")
            Console.output("  signature          \(signature.signatureValue)")
            if let timeStamp = signature.timeStamp { Console.output("  timeStamp          \(timeStamp)") }
            for ext in signature.extDatas { printExtension(ext) }
        }
        Console.output("seal (印章), version \(seal.version)")
        Console.output("  header             \(seal.headerID) \(seal.headerVersion) vendor \(seal.vendorID)")
        Console.output("  esID               \(seal.esID)")
        Console.output("  type               \(seal.type)")
        Console.output("  name               \(seal.name)")
        Console.output("  certListType       \(seal.certListType)")
        for certificate in seal.certificates ?? [] { printCertificate("  certificate        ", certificate) }
        for digest in seal.certificateDigests ?? [] {
            Console.output("  certificateDigest  \(digest.type) \(digest.value)")
        }
        Console.output("  createDate         \(Timestamp.format(seal.createDate))")
        Console.output("  validity           \(Timestamp.format(seal.validStart)) – \(Timestamp.format(seal.validEnd))")
        Console.output(
            "  picture            \(seal.picture.type), \(seal.picture.bytes) bytes, "
                + "\(seal.picture.widthMillimetres)×\(seal.picture.heightMillimetres) mm")
        for ext in seal.extDatas { printExtension(ext) }
        printCertificate("  maker              ", seal.makerCertificate)
        Console.output("  signatureAlgorithm \(seal.signatureAlgorithm)")
        Console.output("  signedValue        \(seal.signatureValue)")
        if let timeStamp = seal.timeStamp { Console.output("  timeStamp          \(timeStamp)") }
        for warning in summary.warnings { Console.output("warning: \(warning.code): \(warning)") }
    }

    private func printCertificate(_ label: String, _ certificate: SealSummary.Certificate) {
        if let subject = certificate.subject {
            Console.output("\(label)\(subject) (serial \(certificate.serialNumber ?? "?"), sm3 \(certificate.sm3))")
        } else {
            Console.output("\(label)unreadable: \(certificate.error ?? "?") (sm3 \(certificate.sm3))")
        }
    }

    private func printExtension(_ ext: SealSummary.Extension) {
        let explicit = ext.criticalEncodedExplicitly ? " (critical FALSE encoded)" : ""
        Console.output("  extData            \(ext.id) critical=\(ext.critical)\(explicit) \(ext.value)")
    }
}
