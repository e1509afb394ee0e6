/// Checks a catalogue item for internal consistency: codes that agree with each other and
/// with the item's elements, online handling that matches visits and forms, time limits,
/// fees and materials.
///
/// Each concern is a ``CatalogueRule``; a department can add its own rules beside the
/// standard ones (`CatalogueValidator(rules: CatalogueValidator.standardRules + [MyRule()])`).
public struct CatalogueValidator: Sendable {
    /// The rules every item is checked against, in reporting order.
    public static let standardRules: [any CatalogueRule] = [
        RequiredElementsRule(), CodesAgreeRule(), OnlineHandlingRule(), TimeLimitRule(), FeeRule(), MaterialRule(),
    ]

    public var rules: [any CatalogueRule]
    /// Strict: a body code that is not a credit code, or a local item type, is an error;
    /// lenient: a warning.
    public var strictness: Strictness

    public init(strictness: Strictness = .strict, rules: [any CatalogueRule] = CatalogueValidator.standardRules) {
        self.strictness = strictness
        self.rules = rules
    }

    public func validate(_ item: CatalogueItem) -> CatalogueReport {
        CatalogueReport(issues: rules.flatMap { $0.issues(in: item, strictness: strictness) })
    }
}

/// One concern a catalogue item is checked for.
public protocol CatalogueRule: Sendable {
    /// The issues `item` has under this rule; empty when it complies.
    func issues(in item: CatalogueItem, strictness: Strictness) -> [CatalogueIssue]
}

extension Strictness {
    /// How serious a rule lenient checking may waive is under this strictness.
    var toleratedSeverity: CatalogueIssue.Severity { self == .strict ? .error : .warning }
}
