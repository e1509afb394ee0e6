import ArgumentParser
import ELicense
import Foundation
import GMCertificates
import GMCrypto
import ZhengwuKitCore

/// `zwkit license status issue`: make and sign a status list.
struct LicenseStatusIssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "Issue a licence status list (证照状态列表), signed with the issuer's SM2 key.",
        discussion: """
            One --entry IDENTIFIER=STATUS per licence; statuses are 01 有效, 02 暂扣, 03 撤销, 04 注销, \
            05 失效, 06 办理转出, 07 吊销, 99 其他. The list is DER per Specs/elicense/licence-status-list.asn; \
            verifiers treat it as stale after --next-update (default: a day after --this-update).
            """)

    @Option(help: "The issuer's SM2 private key (PEM).") var key: String
    @Option(help: "The issuer's certificate (PEM or DER), the key's.") var cert: String
    @Option(help: "IDENTIFIER=STATUS (repeatable).") var entry: [String] = []
    @Option(help: "When the list is made (YYYY-MM-DD or ISO 8601; default now).") var thisUpdate: String?
    @Option(help: "When the next list is due (default: a day after --this-update).") var nextUpdate: String?
    @Option(help: "The issuer's name (default: the certificate's organisation or common name).") var issuerName: String?
    @Option(help: "The issuer's code (default: the entries' common issuer code).") var issuerCode: String?
    @Option(name: .shortAndLong, help: "Where to write the list (- = standard output).") var output: String

    func run() throws {
        let privateKey = try SealInputs.privateKey(key)
        let certificate = try SealInputs.certificate(cert)
        let now = try thisUpdate.map { try TimeOptions.parse($0, option: "--this-update") } ?? Date()
        let next =
            try nextUpdate.map { try TimeOptions.parse($0, option: "--next-update") } ?? now.addingTimeInterval(86_400)
        var entries: [LicenceStatusList.Entry] = []
        for text in entry {
            guard let equals = text.lastIndex(of: "=") else {
                throw CLIError("--entry \(text): write IDENTIFIER=STATUS, e.g. …=07 (参数格式错误)")
            }
            let identifier: LicenceIdentifier
            do {
                identifier = try LicenceIdentifier(parsing: text[..<equals], strictness: .strict)
            } catch {
                throw CLIError("--entry \(text): \(error.description)")
            }
            guard let status = LicenceStatus(rawValue: String(text[text.index(after: equals)...])) else {
                throw CLIError("--entry \(text): the status must be one of 01, 02, 03, 04, 05, 06, 07, 99 (证照状态错误)")
            }
            entries.append(.init(identifier: identifier, status: status, changedAt: now))
        }
        let codes = Set(entries.compactMap { LicenceIdentifier($0.identifier)?.issuerCode })
        let name = issuerName ?? certificate.subject.organization ?? certificate.subject.commonName ?? ""
        let list: LicenceStatusList
        do {
            list = try LicenceStatusList.issue(
                issuerName: name, issuerCode: issuerCode ?? (codes.count == 1 ? codes.first ?? "" : ""),
                entries: entries, thisUpdate: now, nextUpdate: next, key: privateKey, certificate: certificate)
        } catch {
            throw CLIError(error.description)
        }
        try OutputFiles.write(Data(list.derRepresentation), to: output)
        if output != "-" {
            Console.error("wrote \(output): \(entries.count) entries, next update \(LicenceStatusOutput.time(next))")
        }
    }
}

/// `zwkit license status show`: what a list says, and whether its signature verifies.
struct LicenseStatusShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a licence status list: issuer, update times, signature, entries.",
        discussion: """
            The signature is checked against the list's own certificate only; whether that signer \
            speaks for a licence is checked by `license verify --status`. Exit 0 when the list was \
            read, 2 when it cannot be.
            """)

    @Argument(help: "The status list (DER).") var file: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let bytes = try InputFiles.read(file)
        let list: LicenceStatusList
        do {
            list = try LicenceStatusList(derEncoded: bytes)
        } catch {
            throw CLIError("\(file): \(error.description)")
        }
        let signer = (try? X509Certificate(derRepresentation: list.issuerCertificate)).map { "\($0.subject)" } ?? "?"
        if json {
            try Console.json(
                LicenceStatusOutput(
                    issuerName: list.issuerName, issuerCode: list.issuerCode, signer: signer,
                    signatureVerifies: list.hasValidSignature, thisUpdate: list.thisUpdate, nextUpdate: list.nextUpdate,
                    stale: !list.isCurrent(at: Date()),
                    entries: list.entries.map {
                        .init(
                            identifier: $0.identifier, status: $0.status.rawValue, statusName: $0.status.chineseTerm,
                            changedAt: $0.changedAt, reason: $0.reason)
                    }))
            return
        }
        Console.output("\(file): licence status list of \(list.issuerName) \(list.issuerCode)")
        Console.output("  signer      \(signer)")
        Console.output(
            "  signature   "
                + (list.hasValidSignature ? "verifies (signer not checked here)" : "DOES NOT VERIFY (签名无效)"))
        Console.output("  this update \(LicenceStatusOutput.time(list.thisUpdate))")
        Console.output(
            "  next update \(LicenceStatusOutput.time(list.nextUpdate))"
                + (list.isCurrent(at: Date()) ? "" : "  (stale 已过期)"))
        for entry in list.entries {
            Console.output("  \(entry.identifier)  \(entry.status)  \(LicenceStatusOutput.time(entry.changedAt))")
        }
    }
}

struct LicenceStatusOutput: Encodable {
    struct Entry: Encodable {
        let identifier: String
        let status: String
        let statusName: String
        let changedAt: Date
        let reason: String?
    }

    let issuerName: String
    let issuerCode: String
    let signer: String
    let signatureVerifies: Bool
    let thisUpdate: Date
    let nextUpdate: Date
    let stale: Bool
    let entries: [Entry]

    static func time(_ date: Date) -> String { Timestamp.format(date) }
}
