/// How strictly to read a code. (Moves to ZhengwuKitCore's shared `Strictness` once it lands.)
public enum Strictness: Sendable, Hashable {
    /// Every rule of the standard (the default).
    case strict
    /// Also accept what real data carries that the standard does not allow, as documented.
    case lenient
}
