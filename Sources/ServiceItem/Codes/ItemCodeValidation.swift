/// How strictly codes are checked.
///
/// Real catalogues carry codes that break the rules yet are in use: implementing bodies
/// identified by a legacy or internal code instead of a unified social credit code, and
/// locally defined item types. Lenient checking accepts them and records each broken rule
/// in the parsed value's `toleratedErrors`, so nothing is silently waved through.
public enum ItemCodeValidation: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every rule: the body code is a valid unified social credit code and the item type is
    /// in GB/T 39046 table A.1 or its extension ranges.
    case strict
    /// Accepts a body code that is not a valid unified social credit code and the locally
    /// used item types 30–32 and TC, reporting each as a tolerated error.
    case lenient
}
