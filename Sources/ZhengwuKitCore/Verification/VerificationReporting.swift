/// What every verifier's report shares: its lines and the mode asked for. The verdict, the
/// trust summary and `isValid` follow from them the same way in every module.
public protocol VerificationReporting {
    associatedtype Check: VerificationCheck

    var checks: [CheckResult<Check>] { get }
    var mode: VerificationMode { get }
}

extension VerificationReporting {
    public var verdict: Verdict { Verdict.judge(checks, mode: mode) }

    public var trust: Trust { Trust.summarize(checks) }

    /// True only when the verdict is ``Verdict/trusted``, or ``Verdict/intact`` under
    /// ``VerificationMode/integrityOnly``: never merely because nothing failed.
    public var isValid: Bool { verdict.isValid(in: mode) }

    /// The lines that failed.
    public var failures: [CheckResult<Check>] { checks.filter { $0.outcome == .failed } }

    /// The required lines that did not run.
    public var unchecked: [CheckResult<Check>] { checks.filter { $0.outcome == .notChecked && $0.isRequired } }

    /// The first line for `check`.
    public func result(for check: Check) -> CheckResult<Check>? { checks.first { $0.check == check } }
}
