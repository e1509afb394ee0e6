// The house shapes (`Strictness`, `ZhengwuKitError`, `IdentifierCode`) are part of this
// module's API: a caller writing `strictness: .lenient` or matching an error's `code` needs
// no second import.
@_exported import ZhengwuKitCore
