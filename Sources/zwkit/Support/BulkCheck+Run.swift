#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a `BulkLineChecker` over arguments or over lines of input, in constant memory.
struct BulkCheck<Checker: BulkLineChecker> {
    let checker: Checker
    let options: BulkCheckOptions
    /// Where text-mode problem lines go: stdout for `check`, stderr for commands whose stdout
    /// carries results (`id convert`).
    var problemsToStandardError = false

    private let output = BulkOutput(descriptor: STDOUT_FILENO)
    /// `options.json`, read once: ArgumentParser's property wrappers are slow to read per line.
    private let json: Bool
    private var counts = BulkCheckCounts()

    init(checker: Checker, options: BulkCheckOptions, problemsToStandardError: Bool = false) {
        self.checker = checker
        self.options = options
        self.problemsToStandardError = problemsToStandardError
        self.json = options.json
    }

    /// Checks `arguments`, or every line of the input when there are none; prints the summary
    /// and throws `CLIExit.invalid` when anything was invalid.
    mutating func run(arguments: [String]) throws {
        // Both would leave one of them unread without a word: refuse the ambiguity.
        if !arguments.isEmpty, let input = options.input {
            throw CLIError(
                "give the values either as arguments or with --input \(InputFiles.display(input)), not both (参数冲突)")
        }
        if arguments.isEmpty {
            try runOnInput()
        } else {
            for (index, argument) in arguments.enumerated() {
                var bytes = Array(argument.utf8)
                bytes = Array(BulkLineSplitter.trim(bytes[...]))
                try bytes.withUnsafeBufferPointer { try handle($0, line: index + 1, fromArguments: true) }
            }
        }
        try output.flush()
        if arguments.count != 1 || json || counts.invalid > 0 {
            Console.error(counts.summary)
        }
        if counts.invalid > 0 { throw CLIExit.invalid }
    }

    private mutating func runOnInput() throws {
        let descriptor = try InputFiles.open(options.input ?? "-")
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var splitter = BulkLineSplitter(descriptor: descriptor)
        let column = options.column
        let delimiter = options.delimiter.utf8.first ?? UInt8(ascii: ",")
        var lineNumber = 0
        var skipHeader = options.header
        while let line = try splitter.nextLine() {
            lineNumber += 1
            if skipHeader {
                skipHeader = false
                continue
            }
            let field = column.map { BulkLineSplitter.field($0, of: line, delimiter: delimiter) } ?? line
            let trimmed = BulkLineSplitter.trim(field)
            if trimmed.isEmpty && column == nil { continue }
            try handle(trimmed, line: lineNumber, fromArguments: false)
        }
        if splitter.overlongLines > 0 {
            counts.record(
                BulkCheckFailure(code: "zwkit.line_too_long", message: "", chineseTerm: ""),
                count: splitter.overlongLines)
        }
    }

    private mutating func handle(_ field: UnsafeBufferPointer<UInt8>, line: Int, fromArguments: Bool) throws {
        switch checker.check(field) {
        case .success(let parsed):
            let notice = checker.notice(for: parsed)
            if let notice { counts.record(notice, isNotice: true) } else { counts.valid += 1 }
            if json {
                beginResult(field, line: line, valid: true)
                if let notice { writeFailure(notice, noticeOnly: true) }
                checker.writeFields(of: parsed, to: output)
                output.endObject()
                try output.endLine()
            } else if notice == nil, checker.writeValidText(parsed, to: output) {
                try output.endLine()
            } else if fromArguments {
                output.append(field)
                output.append(": valid: ")
                output.append(checker.summary(of: parsed))
                if let notice { output.append(" (\(notice.code): \(notice.message), \(notice.chineseTerm))") }
                try output.endLine()
            } else if let notice {
                try printProblem(field, line: line, failure: notice)
            }
        case .failure(let failure):
            counts.record(failure)
            if json {
                beginResult(field, line: line, valid: false)
                writeFailure(failure, noticeOnly: false)
                output.endObject()
                try output.endLine()
            } else {
                try printProblem(field, line: fromArguments ? nil : line, failure: failure)
            }
        }
    }

    private mutating func beginResult(_ field: UnsafeBufferPointer<UInt8>, line: Int, valid: Bool) {
        output.beginObject()
        output.jsonString("input", bytes: field)
        output.jsonInt("line", line)
        output.jsonBool("valid", valid)
    }

    private mutating func writeFailure(_ failure: BulkCheckFailure, noticeOnly: Bool) {
        output.jsonString(noticeOnly ? "notice" : "error", failure.code)
        output.jsonString("message", failure.message)
        output.jsonString("chineseTerm", failure.chineseTerm)
    }

    private mutating func printProblem(_ field: UnsafeBufferPointer<UInt8>, line: Int?, failure: BulkCheckFailure)
        throws
    {
        var text = line.map { "line \($0): " } ?? ""
        text += String(decoding: field, as: UTF8.self)
        text += ": \(failure.code): \(failure.message) (\(failure.chineseTerm))"
        if problemsToStandardError {
            Console.error(text)
        } else {
            output.append(text)
            try output.endLine()
        }
    }
}

/// Counts by outcome for the closing summary on stderr.
struct BulkCheckCounts {
    var valid = 0
    var invalid = 0
    var noticed = 0
    private var byCode: [String: Int] = [:]

    mutating func record(_ failure: BulkCheckFailure, isNotice: Bool = false, count: Int = 1) {
        if isNotice { noticed += count } else { invalid += count }
        byCode[failure.code, default: 0] += count
    }

    var summary: String {
        let total = valid + invalid + noticed
        var text = "checked \(total): \(valid) valid, \(invalid) invalid"
        if noticed > 0 { text += ", \(noticed) accepted with a notice" }
        if !byCode.isEmpty {
            text +=
                " (" + byCode.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
        }
        return text
    }
}
