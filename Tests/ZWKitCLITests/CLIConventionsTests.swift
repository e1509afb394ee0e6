import Testing
import ZWKitTestSupport

/// The conventions every zwkit command promises: exit 2 for bad usage, help on stdout with 0.
@Suite struct CLIConventionsTests {
    @Test func unknownSubcommandExitsWithUsageStatus() throws {
        let result = try Processes.zwkit(["no-such-noun"])
        #expect(result.status == 2)
        #expect(!result.stderrText.isEmpty)
    }

    @Test func helpGoesToStdoutAndSucceeds() throws {
        let result = try Processes.zwkit(["--help"])
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("zwkit"))
    }

    @Test func demoRunsEverySection() throws {
        let result = try Processes.zwkit(["demo"])
        #expect(result.status == 0, "stderr: \(result.stderrText)")
        #expect(result.stdoutText.contains("demo finished"))
    }
}
