/// How strictly a parser holds input to the standard, the one option every code type and
/// verifier in ZhengwuKit takes under this one label.
///
/// `.lenient` never means "anything goes": it accepts only the named departures real data is
/// known to carry (codes issued before a rule existed, a region code valid at issue but not
/// in the birth year), and a lenient result says which departure it accepted.
public enum Strictness: String, Sendable, Hashable, Codable, CaseIterable {
    /// Only what the standard allows.
    case strict
    /// The standard plus the documented departures found in real, officially issued data.
    case lenient
}

extension CodingUserInfoKey {
    /// Set to a ``Strictness`` in a decoder's `userInfo` to decode codes with that strictness
    /// instead of the type's ``IdentifierCode/defaultStrictness``.
    public static let zhengwuKitStrictness = CodingUserInfoKey(rawValue: "zhengwukit.strictness")!
}
