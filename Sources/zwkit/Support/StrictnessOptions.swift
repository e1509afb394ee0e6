import ArgumentParser
import ZhengwuKitCore

/// `--strict` / `--lenient`, the one strictness option of every code command; without either,
/// the code type's own `defaultStrictness` applies (the command's help says which).
struct StrictnessOptions: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "--strict applies every rule of the standard; --lenient also accepts the documented departures found in real, officially issued codes, each reported with a notice."
        )
    )
    var strictness: StrictnessFlag?

    /// The strictness asked for, or `fallback` (the code type's default).
    func resolved(default fallback: Strictness) -> Strictness {
        switch strictness {
        case .strict: return .strict
        case .lenient: return .lenient
        case nil: return fallback
        }
    }
}

enum StrictnessFlag: String, EnumerableFlag {
    case strict
    case lenient
}
