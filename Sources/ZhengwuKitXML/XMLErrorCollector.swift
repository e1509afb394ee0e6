internal import CZhengwuKitXML2

/// Gathers libxml2's structured errors for one parse or validation. libxml2 2.9 has no
/// per-context error setter for plain parsing (the global one is thread-local), but the
/// text reader and the schema contexts each take their own handler: this box is that
/// handler's context, so concurrent parses never see each other's errors.
final class XMLErrorCollector {
    private(set) var issues: [XMLIssue] = []
    private(set) var fatal: XMLIssue?

    func record(_ error: UnsafeMutablePointer<xmlError>) {
        let raw = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        let message = raw.trimmingWhitespace()
        let issue = XMLIssue(line: Int(error.pointee.line), message: message)
        if error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue {
            issues.append(issue)
            if fatal == nil { fatal = issue }
        }
    }

    /// The C callback: `context` is an unretained pointer to a collector.
    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue().record(error)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
