import GMCrypto

/// The kind of key a token is signed with is GMCrypto's `KeyKind`, the one key-kind enum: each
/// kind verifies exactly one JOSE algorithm, so a header can never make a key of one kind verify
/// under another's rules. The old name stays for source compatibility only.
@available(*, deprecated, renamed: "KeyKind") public typealias KeyType = KeyKind
