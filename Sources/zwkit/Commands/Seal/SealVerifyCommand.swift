import ArgumentParser
import ESeal
import Foundation
import GMCrypto
import ZhengwuKitCore
import ZhengwuKitSupport

/// `zwkit seal verify`: 验章, every check with its outcome and a fail-closed verdict.
struct SealVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a seal or a signature (验章) and list every check.",
        discussion: """
            A seal is checked on its own (maker's signature, validity at --at or now); a signature with \
            every check, and is incomplete without --data. The maker's and signer's certificates must chain \
            to the roots given with --trust; without --trust the signer is not established (未验证信任链) and \
            the answer is not valid unless --integrity-only asks for integrity alone. With --crl (and \
            --trust), the certificates must not be revoked at the verification time (--at or now), or with \
            --revocation-at asserted at the seal's creation and the signing time they claim. Times the seal \
            states before its own certificates begin are accepted with a warning, refused with --strict. \
            Exit 0 only when trusted (or intact with --integrity-only), 1 for any other verdict, 2 when the \
            file cannot be read or the options are wrong.
            """)

    @Argument(help: "A seal (.esl) or a signature (SignedValue.dat).") var file: String
    @Option(help: "The signed data, to check dataHash against.") var data: String?
    @Option(
        name: .customLong("data-sm3"),
        help: "Instead of --data: the SM3 digest of the signed data (64 hex digits), computed elsewhere.")
    var dataSM3: String?
    @Option(help: "Trust anchors (PEM bundle) the certificates must chain to.") var trust: String?
    @Flag(
        name: .customLong("integrity-only"),
        help: "Check integrity alone (signatures, hashes, validity), not who made or signed the seal.")
    var integrityOnly = false
    @Flag(help: "Refuse the self-asserted times tolerated by default (a seal made before its maker certificate, …).")
    var strict = false
    @Option(
        help:
            "The verification time (YYYY-MM-DD or ISO 8601; default now): a seal's validity, and revocation, are judged at it."
    )
    var at: String?
    @OptionGroup var revocation: RevocationOptions
    @Option(
        help: """
            With --crl: judge revocation at the verification time (verification), or at the times the seal and \
            signature claim (asserted), which a holder of a revoked key could back-date.
            """)
    var revocationAt: SealVerifier.RevocationTime = .verification
    @Flag(help: "Print one JSON object.") var json = false

    func validate() throws {
        guard !revocation.isEnabled || trust != nil else {
            throw ValidationError("--crl and --ocsp need --trust: revocation is checked along a proven chain")
        }
        guard data == nil || dataSM3 == nil else {
            throw ValidationError("give either --data or --data-sm3, not both")
        }
        guard !(integrityOnly && trust != nil) else {
            throw ValidationError("--integrity-only checks no trust: give either --trust or --integrity-only")
        }
    }

    func run() async throws {
        // What cannot be read as a seal or signature at all is unreadable input (exit 2), as in
        // `seal show`, not a verdict.
        let document = try SealInputs.document(file)
        let anchors = try trust.map(SealInputs.certificates) ?? []
        let time = try at.map { try TimeOptions.parse($0, option: "--at") } ?? Date()
        var protected = try data.map { ProtectedData.digest(try InputFiles.sm3($0)) }
        if let dataSM3 {
            guard let digest = Hex.decode(dataSM3), digest.count == 32 else {
                throw CLIError("--data-sm3 \(dataSM3): expected 64 hex digits (an SM3 digest) (摘要格式错误)")
            }
            protected = .digest(digest)
        }
        let revocationPolicy =
            try revocation.isEnabled
            ? SealVerifier.revocationPolicy(
                lists: revocation.readLists(), responses: revocation.readResponses(),
                whenNoList: revocation.whenNoList, whenStale: revocation.whenStale,
                maximumAge: revocation.maximumAge)
            : nil
        let verifier = SealVerifier(
            trustAnchors: anchors, mode: integrityOnly ? .integrityOnly : .full, revocation: revocationPolicy,
            revocationTime: revocationAt
        ) {
            if strict { StrictSealTimes() }
        }
        let report: SealVerificationReport
        switch document {
        case .seal(let seal): report = verifier.verify(seal, at: time)
        case .signature(let signature): report = verifier.verify(signature, data: protected, at: time)
        }
        let output = VerifyOutput(
            file: file, report: report, warnings: report.warnings, trustAnchorsGiven: !anchors.isEmpty,
            details: SealDetails(subject: report.subject.rawValue, version: report.version?.rawValue))
        if json {
            try Console.json(output)
            if !report.isValid { Console.error(output.summary) }
        } else {
            let kind = report.version.map { "\($0) \(report.subject.rawValue)" } ?? report.subject.rawValue
            output.printText(heading: "\(file): \(kind)")
        }
        if !report.isValid { throw CLIExit.invalid }
    }
}

/// The seal's own `--json` fields.
private struct SealDetails: Encodable {
    let subject: String
    let version: Int?
}

extension SealVerifier.RevocationTime: ExpressibleByArgument {}
