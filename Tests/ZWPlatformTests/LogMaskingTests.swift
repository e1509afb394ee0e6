import CitizenID
import Foundation
import HummingbirdTesting
import Logging
import Testing

@testable import ZWPlatform

/// The platform's logs show personal numbers only as `CitizenID.masked` shows them: one
/// masking rule across the SDK.
@Suite struct LogMaskingTests {
    final class Recorder: LogHandler, @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(
            level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
            function: String, line: UInt
        ) {
            let all = self.metadata.merging(metadata ?? [:]) { $1 }
            lock.withLock { lines.append("\(message) \(all.map { "\($0.key)=\($0.value)" }.joined(separator: " "))") }
        }

        var text: String { lock.withLock { lines.joined(separator: "\n") } }
    }

    @Test func signInLogsTheCitizenIDsOwnMaskedForm() async throws {
        let recorder = Recorder()
        let logger = Logger(label: "masking") { _ in recorder }
        var options = Harness.options(.sqliteMemory)
        options.logger = logger
        let (application, _) = try await buildPlatformApplication(options)
        try await application.test(.router) { client in
            _ = try await OAuthFixtures.codeFlow(client)
            let page = try await client.get(OAuthFixtures.authorizeURI(user: nil))
            #expect(page.body.contains(try CitizenID(parsing: "11010519491231002X").masked))
            #expect(!page.body.contains("11010519491231002X"))
        }
        let masked = try CitizenID(parsing: "11010519491231002X").masked
        #expect(recorder.text.contains("holder=\(masked)"), "\(recorder.text)")
        #expect(!recorder.text.contains("11010519491231002X"))
        #expect(!recorder.text.contains("110105******2X"))
    }

    @Test func everyTestUserMasksAsItsCodeDoes() throws {
        for user in PlatformConfiguration.demo().users {
            let principal = try user.principal()
            let expected =
                principal.kind == .legalPerson
                ? user.identifier : try CitizenID(parsing: user.identifier).masked
            #expect(user.maskedIdentifier == expected)
        }
    }
}
