import AdminDivision

extension CitizenID {
    /// How a region (address code) is checked against the GB/T 2260 history.
    public enum RegionPolicy: String, Sendable, Hashable {
        /// The code must have been valid in the birth year.
        case strict
        /// The code must have been valid in some year (the default: a number's address code is
        /// the one in force when the number was issued, which may be years after the birth).
        case lenient
    }

    /// What a validation accepts.
    public struct Options: Sendable, Hashable {
        /// How the address code is checked; ``RegionPolicy/lenient`` by default.
        public var regionPolicy: RegionPolicy
        /// The document kinds accepted; all by default.
        public var acceptedKinds: Set<DocumentKind>
        /// Whether 15-digit numbers (issued before 1999, no check character) are accepted and
        /// converted to 18 characters; true by default.
        public var acceptsLegacyNumbers: Bool
        /// Birth dates after this day are rejected; today (UTC+8) by default.
        public var referenceDate: CalendarDate

        public init(
            regionPolicy: RegionPolicy = .lenient,
            acceptedKinds: Set<DocumentKind> = Set(DocumentKind.allCases),
            acceptsLegacyNumbers: Bool = true,
            referenceDate: CalendarDate = .today
        ) {
            self.regionPolicy = regionPolicy
            self.acceptedKinds = acceptedKinds
            self.acceptsLegacyNumbers = acceptsLegacyNumbers
            self.referenceDate = referenceDate
        }

        /// The defaults: lenient regions, every kind, 15-digit numbers accepted.
        public static var `default`: Options { Options() }

        /// The defaults with the strict region policy.
        public static var strict: Options { Options(regionPolicy: .strict) }
    }
}
