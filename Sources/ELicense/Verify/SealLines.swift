import ESeal
import ZhengwuKitCore

/// Folds a seal verification's many lines into the licence report's two: `seal` (integrity:
/// structure, signatures, data hash, validity periods) and `sealTrust` (the certificate chains
/// and their revocation). Each keeps the seal lines' own names in its detail.
enum SealLines {
    /// One seal line as the licence report needs it.
    struct Line {
        let name: String
        let term: String
        let outcome: ZhengwuKitCore.CheckOutcome
        let isTrust: Bool
        let isRequired: Bool
        let detail: String
    }

    static func lines(of report: SealVerificationReport) -> [Line] {
        report.checks.map { line in
            Line(
                name: line.name, term: line.check.chineseTerm, outcome: line.outcome, isTrust: line.role == .trust,
                isRequired: line.isRequired, detail: line.detail)
        }
    }

    /// The `seal` and `sealTrust` lines for the seal lines of one or more signatures, each
    /// prefixed with `label` (e.g. the signature's path in the package).
    static func fold(_ groups: [(label: String, lines: [Line])], mode: VerificationMode)
        -> [ZhengwuKitCore.CheckResult<LicenceCheck>]
    {
        guard !groups.isEmpty else {
            return [
                ZhengwuKitCore.CheckResult(
                    .seal, .failed, "the licence carries no seal signature; a licence must be sealed by its issuer"),
                ZhengwuKitCore.CheckResult(.sealTrust, .notChecked, "no seal to trust"),
            ]
        }
        var integrityFailures: [String] = []
        var integrityUnchecked: [String] = []
        var trustFailures: [String] = []
        var trustUnchecked: [String] = []
        var passedNames: [String] = []
        for group in groups {
            let prefix = groups.count > 1 || !group.label.isEmpty ? "\(group.label): " : ""
            for line in group.lines {
                let text = "\(prefix)\(line.name) \(line.term): \(line.detail)"
                switch (line.isTrust, line.outcome) {
                case (false, .failed): integrityFailures.append(text)
                case (false, .notChecked) where line.isRequired: integrityUnchecked.append(text)
                case (true, .failed): trustFailures.append(text)
                case (true, .notChecked): trustUnchecked.append(text)
                case (false, .passed): passedNames.append(line.name)
                default: break
                }
            }
        }
        let seal: ZhengwuKitCore.CheckResult<LicenceCheck>
        if !integrityFailures.isEmpty {
            seal = ZhengwuKitCore.CheckResult(.seal, .failed, integrityFailures.joined(separator: "; "))
        } else if !integrityUnchecked.isEmpty {
            seal = ZhengwuKitCore.CheckResult(.seal, .notChecked, integrityUnchecked.joined(separator: "; "))
        } else {
            let count = groups.count == 1 ? "the seal signature" : "\(groups.count) seal signatures"
            seal = ZhengwuKitCore.CheckResult(
                .seal, .passed, "\(count) intact (\(Set(passedNames).sorted().joined(separator: ", ")))")
        }
        let trust: ZhengwuKitCore.CheckResult<LicenceCheck>
        if mode == .integrityOnly {
            trust = ZhengwuKitCore.CheckResult(
                .sealTrust, .notChecked, "integrity-only verification: certificate chains not checked")
        } else if !trustFailures.isEmpty {
            trust = ZhengwuKitCore.CheckResult(.sealTrust, .failed, trustFailures.joined(separator: "; "))
        } else if !trustUnchecked.isEmpty {
            trust = ZhengwuKitCore.CheckResult(
                .sealTrust, .notChecked,
                "no trust anchors given (未验证信任链): pass the issuers' root certificates (--trust ROOTS.pem)")
        } else {
            trust = ZhengwuKitCore.CheckResult(
                .sealTrust, .passed, "maker and signer certificates chain to a trust anchor")
        }
        return [seal, trust]
    }
}
