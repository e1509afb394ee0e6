/// The one shape of every public error in ZhengwuKit.
///
/// A person reads ``message`` (English) and ``chineseTerm`` (the standard's own term, such
/// as 校验码错误); a program matches on ``code``, which never changes once published.
/// Codes are dotted and lower-case, `module.rule` (`citizenid.check_character`,
/// `x509.expired`): the first segment names the module that raises it, so a log line
/// tells where a refusal came from without a stack trace. `Documentation/Conventions.md`
/// lists the codes a caller can match on.
public protocol ZhengwuKitError: Error, Sendable, CustomStringConvertible {
    /// A stable machine code in the form `module.rule` (see ``ZhengwuKitErrorCode``).
    var code: String { get }
    /// What went wrong, where and, when it helps, what to do, in English.
    var message: String { get }
    /// The standard's Chinese term for the failure.
    var chineseTerm: String { get }
}

extension ZhengwuKitError {
    public var description: String { "\(message) (\(chineseTerm))" }
}

/// The rules an error code follows, so a test can hold every module to them.
public enum ZhengwuKitErrorCode {
    /// Whether `code` has the house form: two or more dot-separated segments, each starting
    /// with a lower-case letter and holding only lower-case letters, digits and underscores.
    public static func isWellFormed(_ code: String) -> Bool {
        let segments = code.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count >= 2 else { return false }
        return segments.allSatisfy { segment in
            guard let first = segment.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else {
                return false
            }
            return segment.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
            }
        }
    }
}
