/// The one shape of a code or identifier (citizen ID number, credit code, organisation code,
/// service-item codes, licence identifier), after python-stdnum's uniform verbs.
///
/// ```swift
/// let id = try CitizenID(parsing: "11010519491231002X")   // throws a precise error
/// CitizenID.isValid("11010519491231002X")                    // Bool
/// CitizenID("11010519491231002X")                            // Optional, LosslessStringConvertible
/// id.compactForm                                             // "11010519491231002X"
/// id.masked                                                  // safe for logs
/// ```
public protocol IdentifierCode: Hashable, Sendable, Codable, LosslessStringConvertible {
    /// The error parsing throws, naming the rule the text breaks.
    associatedtype ParseError: ZhengwuKitError

    /// The strictness used when a caller gives none.
    static var defaultStrictness: Strictness { get }

    /// Parses `text` (after ``compact(_:)``), throwing the rule it breaks.
    init(parsing text: some StringProtocol, strictness: Strictness) throws(ParseError)

    /// `text` with the separators people write (spaces, hyphens) removed and letters upper-cased;
    /// no validation.
    static func compact(_ text: some StringProtocol) -> String

    /// The canonical form, as stored and exchanged.
    var compactForm: String { get }

    /// A form safe for logs and error messages: personal numbers keep only what identifies
    /// no one; codes of organisations, which are public, may be shown whole.
    var masked: String { get }

    /// The departures lenient parsing accepted, each as the error strict parsing throws for
    /// it (a region code not in force in the birth year, a legacy check character); empty
    /// for a value that meets every rule. Lenient never waves a departure through unnamed.
    var toleratedErrors: [ParseError] { get }
}

/// A code whose last character checks the others.
public protocol CheckCharacterCode: IdentifierCode {
    /// The check character for the body (every character but the last).
    static func checkCharacter(for body: some StringProtocol) throws(ParseError) -> Character

    var checkCharacter: Character { get }
}

extension IdentifierCode {
    public static var defaultStrictness: Strictness { .strict }

    public var toleratedErrors: [ParseError] { [] }

    /// Parses with the type's ``defaultStrictness``.
    public init(parsing text: some StringProtocol) throws(ParseError) {
        try self.init(parsing: text, strictness: Self.defaultStrictness)
    }

    /// Whether `text` parses with the type's ``defaultStrictness``.
    public static func isValid(_ text: some StringProtocol) -> Bool {
        isValid(text, strictness: defaultStrictness)
    }

    /// Whether `text` parses with `strictness`.
    public static func isValid(_ text: some StringProtocol, strictness: Strictness) -> Bool {
        (try? Self(parsing: text, strictness: strictness)) != nil
    }

    /// `LosslessStringConvertible`: `nil` where ``init(parsing:strictness:)`` would throw.
    public init?(_ description: String) {
        guard let value = try? Self(parsing: description, strictness: Self.defaultStrictness) else { return nil }
        self = value
    }

    public var description: String { compactForm }

    /// Decodes from a JSON string, with the strictness in the decoder's
    /// `userInfo[.zhengwuKitStrictness]` or the type's default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let strictness = decoder.userInfo[.zhengwuKitStrictness] as? Strictness ?? Self.defaultStrictness
        do {
            self = try Self(parsing: text, strictness: strictness)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\(error.message) (\(error.chineseTerm)) [\(error.code)]")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(compactForm)
    }
}
