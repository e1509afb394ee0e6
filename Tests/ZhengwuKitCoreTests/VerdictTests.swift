import Foundation
import Testing
import ZhengwuKitCore

private enum Step: String, VerificationCheck {
    case signature, digest, chain, revocation, timeStamp, rule
    var chineseTerm: String { rawValue }
    var role: CheckRole {
        switch self {
        case .signature, .digest, .timeStamp: return .integrity
        case .chain, .revocation: return .trust
        case .rule: return .policy
        }
    }
}

private struct Report: VerificationReporting {
    var checks: [CheckResult<Step>]
    var mode: VerificationMode = .full
}

private func line(_ step: Step, _ outcome: CheckOutcome, required: Bool = true) -> CheckResult<Step> {
    CheckResult(step, outcome, "test", isRequired: required)
}

@Suite struct VerdictTests {
    @Test func everyCheckPassedIsTrusted() {
        let report = Report(checks: [line(.signature, .passed), line(.digest, .passed), line(.chain, .passed)])
        #expect(report.verdict == .trusted)
        #expect(report.trust == .trusted)
        #expect(report.isValid)
    }

    @Test func noTrustAnchorsIsUntrustedAndNotValid() {
        let report = Report(checks: [line(.signature, .passed), line(.chain, .notChecked)])
        #expect(report.verdict == .untrusted)
        #expect(report.trust == .notChecked)
        #expect(!report.isValid)
    }

    @Test func aReportWithoutAnyTrustLineIsNeverTrusted() {
        let report = Report(checks: [line(.signature, .passed), line(.digest, .passed)])
        #expect(report.verdict == .untrusted)
        #expect(report.trust == .notChecked)
        #expect(!report.isValid)
    }

    @Test func unknownRootIsUntrustedNotInvalid() {
        let report = Report(checks: [line(.signature, .passed), line(.chain, .failed)])
        #expect(report.verdict == .untrusted)
        #expect(report.trust == .untrusted)
        #expect(!report.isValid)
    }

    @Test func integrityOnlyIsIntactAndValidWhenAskedFor() {
        let report = Report(checks: [line(.signature, .passed), line(.chain, .notChecked)], mode: .integrityOnly)
        #expect(report.verdict == .intact)
        #expect(report.isValid)
        #expect(!Verdict.intact.isValid(in: .full))
    }

    @Test func integrityFailureIsInvalidWhateverTheMode() {
        for mode in [VerificationMode.full, .integrityOnly] {
            let report = Report(checks: [line(.signature, .failed), line(.chain, .passed)], mode: mode)
            #expect(report.verdict == .invalid)
            #expect(!report.isValid)
            #expect(report.failures.map(\.check) == [.signature])
        }
    }

    @Test func policyFailureIsInvalid() {
        let report = Report(checks: [line(.signature, .passed), line(.chain, .passed), line(.rule, .failed)])
        #expect(report.verdict == .invalid)
    }

    @Test func requiredIntegrityCheckNotRunIsIncomplete() {
        let report = Report(checks: [line(.signature, .passed), line(.digest, .notChecked), line(.chain, .passed)])
        #expect(report.verdict == .incomplete)
        #expect(report.unchecked.map(\.check) == [.digest])
        #expect(!report.isValid)
        let asked = Report(checks: report.checks, mode: .integrityOnly)
        #expect(asked.verdict == .incomplete)
        #expect(!asked.isValid)
    }

    @Test func optionalCheckNotRunDoesNotDecide() {
        let report = Report(checks: [
            line(.signature, .passed), line(.timeStamp, .notChecked, required: false), line(.chain, .passed),
        ])
        #expect(report.verdict == .trusted)
    }

    @Test func revocationNotCheckedAfterAPassedChainIsUntrusted() {
        let report = Report(checks: [line(.signature, .passed), line(.chain, .passed), line(.revocation, .notChecked)])
        #expect(report.verdict == .untrusted)
        #expect(report.trust == .untrusted)
    }

    @Test func resultLooksUpTheFirstLine() {
        let report = Report(checks: [line(.signature, .passed), line(.chain, .failed)])
        #expect(report.result(for: .chain)?.outcome == .failed)
        #expect(report.result(for: .rule) == nil)
    }

    @Test func linesRoundTripThroughJSONWithKebabOutcomes() throws {
        let original = line(.chain, .notChecked)
        let data = try JSONEncoder().encode(original)
        #expect(String(decoding: data, as: UTF8.self).contains("\"not-checked\""))
        #expect(try JSONDecoder().decode(CheckResult<Step>.self, from: data) == original)
    }
}
