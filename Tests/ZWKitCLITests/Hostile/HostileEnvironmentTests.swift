import Foundation
import Testing
import ZWKitTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Every zwkit subcommand in a hostile environment: standard output on a full disk, inputs that
/// are missing, directories, endless devices or FIFOs of garbage, outputs that are devices,
/// symbolic links or read-only files, and malformed dates. Each must end with the contract's
/// status (2 for what cannot be read or written, never a trap), a message for a person, no
/// replaced special file, and bounded memory. Every child runs under a deadline and none is
/// left behind: a hang fails its test instead of stalling the suite.
@Suite("hostile environment", .serialized)
struct HostileEnvironmentTests {
    private func workspace() throws -> HostileWorkspace { try HostileWorkspace.shared.get() }

    /// Runs zwkit through the shell so standard input and output can be any file; a run that
    /// hangs (an endless input read to its end) is killed after a minute and fails with 124
    /// (137 if it ignored the polite signal), and the shell itself has a deadline beyond that.
    private func run(
        _ arguments: [String], in directory: URL, standardInput: String = "/dev/null",
        standardOutput: String? = nil
    ) throws -> ProcessResult {
        let redirect = standardOutput.map { " > '\($0)'" } ?? ""
        return try Processes.run(
            "bash",
            ["-c", "exec timeout -k 5 60 \"$0\" \"$@\" < '\(standardInput)'\(redirect)", Processes.zwkitExecutable]
                + arguments,
            currentDirectory: directory, timeout: 90)
    }

    private func standardInput(_ invocation: HostileInvocation, _ directory: URL) -> String {
        invocation.standardInput.map { directory.appendingPathComponent($0).path } ?? "/dev/null"
    }

    /// What every failing run must look like: status 2, a `zwkit:` message with the standard's
    /// Chinese term, and none of the runtime's or Foundation's internals.
    private func expectReadableRefusal(
        _ result: ProcessResult, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            result.status == 2, "\(what): status \(result.status), stderr \(result.stderrText)",
            sourceLocation: sourceLocation)
        expectPlainMessage(result, what, sourceLocation: sourceLocation)
        #expect(
            result.stderrText.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) },
            "\(what): no Chinese term in \(result.stderrText)", sourceLocation: sourceLocation)
    }

    private func expectPlainMessage(
        _ result: ProcessResult, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let stderr = result.stderrText
        #expect(result.status < 128, "\(what): killed by a signal (\(result.status))", sourceLocation: sourceLocation)
        for leak in ["Fatal error", ".swift:", "NSCocoaErrorDomain", "Foundation.", "Swift.", "error 256"] {
            #expect(!stderr.contains(leak), "\(what): message leaks \(leak): \(stderr)", sourceLocation: sourceLocation)
        }
        #expect(stderr.count < 2_000, "\(what): message of \(stderr.count) characters", sourceLocation: sourceLocation)
    }

    @Test func everySubcommandIsCovered() throws {
        let result = try Processes.zwkit(["--experimental-dump-help"])
        let root = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        var leaves: [String] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            let subcommands = command["subcommands"] as? [[String: Any]] ?? []
            if subcommands.isEmpty {
                leaves.append(path.joined(separator: " "))
                return
            }
            for subcommand in subcommands {
                walk(subcommand, path + [subcommand["commandName"] as? String ?? "?"])
            }
        }
        walk(root?["command"] as? [String: Any] ?? [:], [])
        let covered = Set(HostileInvocations.all.map(\.description) + HostileInvocations.exempt.keys)
        let missing = leaves.filter { !covered.contains($0) }
        #expect(leaves.count > 20)
        #expect(
            missing.isEmpty,
            "add these subcommands to HostileInvocations.all (or, with a reason, to .exempt): \(missing)")
    }

    @Test(arguments: HostileInvocations.all)
    func workingInvocationSucceeds(_ invocation: HostileInvocation) throws {
        let directory = try workspace().directory
        let result = try run(
            invocation.arguments(in: directory), in: directory, standardInput: standardInput(invocation, directory))
        #expect(result.status == 0, "\(invocation): \(result.stderrText)")
    }

    @Test(arguments: HostileInvocations.all)
    func fullStandardOutputIsAnErrorNotATrap(_ invocation: HostileInvocation) throws {
        let directory = try workspace().directory
        let result = try run(
            invocation.arguments(in: directory), in: directory, standardInput: standardInput(invocation, directory),
            standardOutput: "/dev/full")
        expectPlainMessage(result, "\(invocation) > /dev/full")
        // A command that prints nothing on success has nothing to fail on.
        let quiet = try run(
            invocation.arguments(in: directory), in: directory, standardInput: standardInput(invocation, directory))
        if !quiet.stdout.isEmpty {
            expectReadableRefusal(result, "\(invocation) > /dev/full")
        }
    }

    @Test(arguments: HostileInvocations.all)
    func hostileInputsAreRefused(_ invocation: HostileInvocation) throws {
        let directory = try workspace().directory
        let stdin = standardInput(invocation, directory)
        for (index, part) in invocation.parts.enumerated() {
            guard case .input(_, let kind) = part else { continue }
            for (name, substitute) in [
                ("a missing file", directory.appendingPathComponent("no-such-file").path),
                ("a directory", directory.appendingPathComponent("a-directory").path),
                ("/dev/zero", "/dev/zero"),
            ] {
                let result = try run(
                    invocation.arguments(in: directory, replacing: index, with: substitute), in: directory,
                    standardInput: stdin)
                expectReadableRefusal(result, "\(invocation) with input \(index) as \(name)")
            }
            let fifo = try FIFO(in: directory, feeding: "garbage, not what was asked for\n")
            let result = try fifo.whileFed {
                try run(
                    invocation.arguments(in: directory, replacing: index, with: fifo.path), in: directory,
                    standardInput: stdin)
            }
            switch kind {
            case .structured: expectReadableRefusal(result, "\(invocation) with input \(index) as a FIFO of garbage")
            case .lines:
                #expect(result.status == 1, "\(invocation) FIFO of garbage lines: \(result.stderrText)")
                expectPlainMessage(result, "\(invocation) FIFO")
            case .data:
                #expect([0, 1].contains(result.status), "\(invocation) FIFO of data: \(result.stderrText)")
                expectPlainMessage(result, "\(invocation) FIFO")
            }
        }
        if invocation.standardInput != nil {
            let result = try run(invocation.arguments(in: directory), in: directory, standardInput: "/dev/zero")
            expectReadableRefusal(result, "\(invocation) with /dev/zero on standard input")
        }
    }

    @Test(arguments: HostileInvocations.all)
    func hostileOutputsAreRefusedAndNothingIsReplaced(_ invocation: HostileInvocation) throws {
        let directory = try workspace().directory
        let stdin = standardInput(invocation, directory)
        for (index, part) in invocation.parts.enumerated() {
            guard case .output(let name, let isPrivateKey) = part else { continue }
            // A device is written in place and stays a device.
            let device = try run(
                invocation.arguments(in: directory, replacing: index, with: "/dev/null"), in: directory,
                standardInput: stdin)
            #expect(device.status == 0, "\(invocation) writing \(name) to /dev/null: \(device.stderrText)")
            #expect(try fileType("/dev/null") == S_IFCHR, "\(invocation) replaced /dev/null")

            // A symbolic link is refused; neither it nor its target changes.
            let target = directory.appendingPathComponent("link-target-\(index)")
            try Data("target".utf8).write(to: target)
            let link = directory.appendingPathComponent("link-\(name)")
            try? FileManager.default.removeItem(at: link)
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
            let linked = try run(
                invocation.arguments(in: directory, replacing: index, with: link.path), in: directory,
                standardInput: stdin)
            expectReadableRefusal(linked, "\(invocation) writing \(name) through a symbolic link")
            #expect(try fileType(link.path) == S_IFLNK)
            #expect(try Data(contentsOf: target) == Data("target".utf8))

            // A read-only file is refused and keeps its content.
            let readOnly = directory.appendingPathComponent("read-only-\(name)")
            try? FileManager.default.removeItem(at: readOnly)
            try Data("keep".utf8).write(to: readOnly)
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: readOnly.path)
            let refused = try run(
                invocation.arguments(in: directory, replacing: index, with: readOnly.path), in: directory,
                standardInput: stdin)
            expectReadableRefusal(refused, "\(invocation) writing \(name) over a read-only file")
            #expect(try Data(contentsOf: readOnly) == Data("keep".utf8))

            // A new file is created, private keys readable by their owner only.
            let fresh = directory.appendingPathComponent("fresh-\(index)-\(name)")
            try? FileManager.default.removeItem(at: fresh)
            let created = try run(
                invocation.arguments(in: directory, replacing: index, with: fresh.path), in: directory,
                standardInput: stdin)
            #expect(created.status == 0, "\(invocation) writing \(name): \(created.stderrText)")
            let mode = try FileManager.default.attributesOfItem(atPath: fresh.path)[.posixPermissions] as? Int
            if isPrivateKey {
                #expect(mode == 0o600, "\(invocation) wrote a private key with mode \(String(mode ?? 0, radix: 8))")
            } else {
                #expect(mode.map { $0 & 0o044 != 0 } == true, "\(invocation) wrote \(name) unreadable by others")
            }
        }
    }

    static let malformedDates = [
        "2022-04-22T03:00:00", "2022-04-22 03:00:00Z", "2022-04-22T03:00Z", "2025-02-30", "2022-04-22T25:00:00Z",
        "2022-04-22T03:00:00Zjunk", "22-04-22", "",
    ]

    @Test(
        arguments: HostileInvocations.all.filter { invocation in
            invocation.parts.contains { if case .date = $0 { return true } else { return false } }
        })
    func malformedDatesAreRefused(_ invocation: HostileInvocation) throws {
        let directory = try workspace().directory
        for (index, part) in invocation.parts.enumerated() {
            guard case .date(let option, _) = part else { continue }
            for text in Self.malformedDates {
                let result = try run(
                    invocation.arguments(in: directory, replacing: index, with: text), in: directory,
                    standardInput: standardInput(invocation, directory))
                expectReadableRefusal(result, "\(invocation) \(option) '\(text)'")
            }
        }
    }

    /// Each input as /dev/zero, and /dev/zero as standard input for commands that read it:
    /// no run may hold more than a bounded amount.
    @Test func memoryStaysBounded() throws {
        let directory = try workspace().directory
        for invocation in HostileInvocations.all {
            var runs: [(String, [String], String)] = []
            for (index, part) in invocation.parts.enumerated() {
                guard case .input = part else { continue }
                runs.append(
                    (
                        "input \(index) as /dev/zero",
                        invocation.arguments(in: directory, replacing: index, with: "/dev/zero"),
                        standardInput(invocation, directory)
                    ))
            }
            if invocation.standardInput != nil {
                runs.append(("/dev/zero on standard input", invocation.arguments(in: directory), "/dev/zero"))
            }
            for (what, arguments, stdin) in runs {
                let kibibytes = try peakMemory(arguments, standardInput: stdin, in: directory).kibibytes
                #expect(kibibytes < 512 * 1024, "\(invocation) with \(what) reached \(kibibytes / 1024) MiB")
            }
        }
    }

    /// What streams, streams: hashing, signing and verifying a file twice the size of the
    /// 64 MiB any command reads whole (sparse, so it costs no disk), and validating a catalogue
    /// of 3,000 items (about 21 MB; held whole, it needed about 130 KB of memory per item), each
    /// succeed in well under 100 MiB.
    @Test func largeInputsStreamInBoundedMemory() throws {
        let directory = try workspace().directory
        let large = directory.appendingPathComponent("large-sparse.bin")
        try Fixtures.sparseFile(at: large, holeSize: 128 << 20, tail: Data("the end of a large file".utf8))
        let catalogue = directory.appendingPathComponent("large-catalogue.json")
        let item = try Data(contentsOf: directory.appendingPathComponent("catalogue.json"))
        var items = Data("[".utf8)
        for index in 0..<3_000 {
            if index > 0 { items.append(Data(",\n".utf8)) }
            items.append(item)
        }
        items.append(Data("]".utf8))
        try items.write(to: catalogue)
        defer {
            try? FileManager.default.removeItem(at: large)
            try? FileManager.default.removeItem(at: catalogue)
        }
        let signature = directory.appendingPathComponent("large-sparse.sig").path
        let runs: [(String, [String])] = [
            ("sm3", ["sm3", large.path]),
            ("sm2 sign", ["sm2", "sign", "--key", "sm2.key", "--out", signature, large.path]),
            ("sm2 verify", ["sm2", "verify", "--pub", "sm2.pub", "--signature", signature, large.path]),
            ("item validate", ["item", "validate", "--lenient", catalogue.path]),
        ]
        for (what, arguments) in runs {
            let (status, kibibytes) = try peakMemory(arguments, standardInput: "/dev/null", in: directory)
            #expect(status == 0, "\(what) of a large input exited \(status)")
            #expect(kibibytes < 100 * 1024, "\(what) of a large input reached \(kibibytes / 1024) MiB")
        }
    }

    /// zwkit's status and peak resident memory in KiB for one run, measured on its own
    /// (Python's `RUSAGE_CHILDREN` around the one child), so other tests' children do not count.
    private func peakMemory(
        _ arguments: [String], standardInput: String, in directory: URL
    ) throws -> (status: Int32, kibibytes: Int) {
        let measure = """
            import resource, subprocess, sys
            with open(sys.argv[1], "rb") as stdin:
                child = subprocess.run(["timeout", "-k", "5", "60"] + sys.argv[2:], stdin=stdin,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(child.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            """
        let result = try Processes.run(
            "python3", ["-c", measure, standardInput, Processes.zwkitExecutable] + arguments,
            currentDirectory: directory, timeout: 90)
        // ru_maxrss is in KiB.
        let fields = result.stdoutText.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard fields.count == 2 else { return (-1, .max) }
        return (Int32(fields[0]), fields[1])
    }

    private func fileType(_ path: String) throws -> mode_t {
        var status = stat()
        guard lstat(path, &status) == 0 else { throw FixtureError.missing("\(path) is gone") }
        return status.st_mode & S_IFMT
    }

}

/// A FIFO that a thread of the test feeds with `content` once a reader opens it, then
/// closes: no writer process that could outlive the test. Whatever the command did,
/// `whileFed` lets the writer finish (a command that refused before opening the FIFO leaves
/// it blocked in open(2); opening the read end releases it) and removes the FIFO.
private struct FIFO {
    let path: String
    private let finished = DispatchSemaphore(value: 0)

    init(in directory: URL, feeding content: String) throws {
        let path = directory.appendingPathComponent("fifo-\(UUID().uuidString)").path
        guard mkfifo(path, 0o600) == 0 else { throw FixtureError.missing("mkfifo \(path) failed") }
        self.path = path
        let finished = finished
        let thread = Thread {
            // A reader that closes before the write would raise SIGPIPE in the test process;
            // blocked on this thread, it is an EPIPE the writer ignores.
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
            let descriptor = open(path, O_WRONLY)
            if descriptor >= 0 {
                _ = Array(content.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                close(descriptor)
            }
            finished.signal()
        }
        thread.start()
    }

    func whileFed<Result>(_ body: () throws -> Result) rethrows -> Result {
        defer {
            if finished.wait(timeout: .now()) == .timedOut {
                let reader = open(path, O_RDONLY | O_NONBLOCK)
                _ = finished.wait(timeout: .now() + 30)
                if reader >= 0 { close(reader) }
            }
            unlink(path)
        }
        return try body()
    }
}
