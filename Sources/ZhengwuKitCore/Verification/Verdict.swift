/// The fail-closed answer of every verifier in ZhengwuKit (seals, OFD documents, licences).
///
/// Integrity and trust are kept apart: a seal made with anyone's self-signed certificate is
/// *intact* (its signatures hold) but never *trusted*, and only ``trusted`` is valid unless the
/// caller explicitly asked for ``VerificationMode/integrityOnly``.
public enum Verdict: String, Sendable, Hashable, Codable {
    /// Every required check ran and passed, trust included.
    case trusted
    /// Every integrity check passed under ``VerificationMode/integrityOnly``; trust was not asked.
    case intact
    /// Every integrity check passed, but the signer was not established: no trust anchors
    /// were given, or the chain does not reach one, or a trust check failed.
    case untrusted
    /// Nothing failed, but a required integrity check could not run (the signed data was not
    /// given, for instance), so nothing can be said.
    case incomplete
    /// An integrity or policy check failed.
    case invalid

    /// Judges a list of check lines.
    ///
    /// - An integrity or policy line that failed makes the verdict ``invalid``.
    /// - A required integrity or policy line not checked makes it ``incomplete``.
    /// - Under ``VerificationMode/integrityOnly`` trust lines are not weighed: the verdict is ``intact``.
    /// - Otherwise every trust line must have passed, and there must be at least one, for ``trusted``.
    public static func judge(_ lines: some Sequence<some VerificationLine>, mode: VerificationMode) -> Verdict {
        var incomplete = false
        var trustLines = 0
        var trustEstablished = true
        for line in lines {
            switch line.role {
            case .integrity, .policy:
                if line.outcome == .failed { return .invalid }
                if line.outcome == .notChecked && line.isRequired { incomplete = true }
            case .trust:
                trustLines += 1
                if line.outcome != .passed && line.isRequired { trustEstablished = false }
            }
        }
        if incomplete { return .incomplete }
        if mode == .integrityOnly { return .intact }
        return trustLines > 0 && trustEstablished ? .trusted : .untrusted
    }

    /// Whether the verdict answers "yes" in `mode`: ``trusted`` always, ``intact`` only when
    /// integrity-only verification was asked for.
    public func isValid(in mode: VerificationMode) -> Bool {
        switch self {
        case .trusted: return true
        case .intact: return mode == .integrityOnly
        case .untrusted, .incomplete, .invalid: return false
        }
    }

    /// The standard's Chinese term, for reports.
    public var chineseTerm: String {
        switch self {
        case .trusted: return "验证通过"
        case .intact: return "完整性验证通过（未验证信任链）"
        case .untrusted: return "未验证信任链"
        case .incomplete: return "验证不完整"
        case .invalid: return "验证失败"
        }
    }
}

extension Trust {
    /// What the trust lines of a report say: not checked when none ran (or all were
    /// skipped), untrusted when one that ran failed, trusted when all passed.
    public static func summarize(_ lines: some Sequence<some VerificationLine>) -> Trust {
        var ran = false
        for line in lines where line.role == .trust {
            switch line.outcome {
            case .failed: return .untrusted
            case .passed: ran = true
            case .notChecked: if line.isRequired { return ran ? .untrusted : .notChecked }
            }
        }
        return ran ? .trusted : .notChecked
    }
}
