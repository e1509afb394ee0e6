internal import CZhengwuKitXML2

/// Gathers libxml2's structured errors for one parse or validation. libxml2 2.9 has no
/// per-context error setter for plain parsing (the global one is thread-local), but the
/// text reader and the schema contexts each take their own handler: this box is that
/// handler's context, so concurrent parses never see each other's errors.
///
/// Some errors reach no context at all: a failed encoding conversion in the input layer
/// (`encoding error : input conversion failed`, `I/O error : encoder error`) goes to the
/// thread's global handlers, which print to standard error by default. A library must not
/// write there, so `capturingThreadErrors` routes the thread's structured handler to the
/// collector and silences its generic one (`xmlParseChunk: encoder error`) for the length of
/// one call, and restores the caller's afterwards.
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

    /// Runs `body` with this thread's global libxml2 error handler pointing at the collector.
    func capturingThreadErrors<Result, Failure: Error>(
        _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let previousHandler = __xmlStructuredError().pointee
        let previousContext = __xmlStructuredErrorContext().pointee
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(self).toOpaque(), Self.callback)
        defer { xmlSetStructuredErrorFunc(previousContext, previousHandler) }
        var genericHandler: UnsafeMutableRawPointer?
        var genericContext: UnsafeMutableRawPointer?
        zwk_xml_silence_generic_errors(&genericHandler, &genericContext)
        defer { zwk_xml_restore_generic_errors(genericHandler, genericContext) }
        return try withExtendedLifetime(self) { () throws(Failure) -> Result in try body() }
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
