import ArgumentParser
import ServiceItem

/// How strictly `item parse` and `item check` read codes.
struct ItemCodeOptions: ParsableArguments {
    /// --lenient accepts body codes that are not unified social credit codes and local item
    /// types, and reports them; --strict (the default) rejects them.
    @OptionGroup var strictnessOptions: StrictnessOptions

    @Flag(help: "Also accept provincial letter-type basic codes (XK00101001).")
    var letterTypes = false

    var strictness: Strictness { strictnessOptions.resolved(default: BasicCode.defaultStrictness) }

    var schemes: [any ProvincialCodeScheme] { letterTypes ? [LetterTypeScheme.standard] : [] }

    /// Always on: a code with hyphens is never national, so reading it as 四川's item code
    /// cannot shadow a national reading (see `SichuanItemCodeScheme`).
    static let implementationSchemes: [any ProvincialImplementationScheme] = [SichuanItemCodeScheme()]

    /// Parses one code the way both commands do.
    func parse(_ input: String) -> Result<ServiceItemCode, ServiceItemError> {
        Result { () throws(ServiceItemError) in
            try ServiceItemCode(
                input, strictness: strictness, schemes: schemes, implementationSchemes: Self.implementationSchemes)
        }
    }
}
