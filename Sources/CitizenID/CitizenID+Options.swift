import AdminDivision

extension CitizenID {
    /// What a parse accepts beside the standard's rules. How strictly the address code is held
    /// to the birth year is not here: it is the ``Strictness`` every code takes under the label
    /// `strictness:` (``CitizenID/defaultStrictness`` explains the default).
    public struct Options: Sendable, Hashable {
        /// The document kinds accepted; all by default.
        public var acceptedKinds: Set<DocumentKind>
        /// Whether 15-digit numbers (issued before 1999, no check character) are accepted and
        /// converted to 18 characters; true by default.
        public var acceptsLegacyNumbers: Bool
        /// Birth dates after this day are rejected; today (UTC+8) by default.
        public var referenceDate: CalendarDate

        public init(
            acceptedKinds: Set<DocumentKind> = Set(DocumentKind.allCases),
            acceptsLegacyNumbers: Bool = true,
            referenceDate: CalendarDate = .today
        ) {
            self.acceptedKinds = acceptedKinds
            self.acceptsLegacyNumbers = acceptsLegacyNumbers
            self.referenceDate = referenceDate
        }

        /// Every kind, 15-digit numbers accepted, today as the reference date.
        public static var `default`: Options { Options() }
    }
}
