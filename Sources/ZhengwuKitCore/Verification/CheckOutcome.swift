/// What became of one check.
public enum CheckOutcome: String, Sendable, Hashable, Codable {
    case passed
    case failed
    /// Not performed (no data, no trust anchors, no time-stamp verifier). Says nothing either
    /// way, so a required check left in this state keeps a verdict from being valid.
    case notChecked = "not-checked"
}

/// What a check establishes, which decides how its outcome bears on the verdict.
public enum CheckRole: String, Sendable, Hashable, Codable {
    /// That the bytes are what was signed: structure, signatures, hashes, validity periods.
    /// A failure makes the verdict invalid.
    case integrity
    /// That the signer is who the caller trusts: certificate chains to trust anchors,
    /// revocation, an issuer the caller accepts. A failure leaves the data intact but untrusted.
    case trust
    /// A rule the caller added. A failure makes the verdict invalid.
    case policy
}

/// Whether trust in the signer was established.
public enum Trust: String, Sendable, Hashable, Codable {
    /// Every trust check ran and passed.
    case trusted
    /// A trust check ran and failed (unknown root, revoked certificate, …).
    case untrusted
    /// No trust check ran (no trust anchors were given, or integrity-only verification).
    case notChecked = "not-checked"
}

/// How much a caller asked the verifier to establish.
public enum VerificationMode: String, Sendable, Hashable, Codable {
    /// Integrity and trust: the default, and the only mode whose success means "valid".
    case full
    /// Integrity alone, asked for explicitly. A success says the data is intact and says
    /// nothing about who signed it; reports label it so.
    case integrityOnly = "integrity-only"
}
