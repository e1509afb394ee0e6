import ArgumentParser

/// `zwkit demo`: walks through every capability with embedded sample data, so a new
/// user sees the SDK work end to end with nothing to prepare.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Walk through every capability with embedded sample data."
    )

    /// One section per capability, in dependency order (one line each, to keep merges trivial).
    static let sections: [any DemoSection] = [
        GMCryptoDemo(),
        CertificateDemo(),
        RevocationDemo(),
        CodesDemo(),
        ServiceItemDemo(),
        ESealDemo(),
        OFDDemo(),
        ELicenseDemo(),
        UnifiedIdentityDemo(),
    ]

    func run() async throws {
        var failures = 0
        for section in Self.sections {
            Console.output("== \(section.title) ==")
            do {
                try await section.run()
            } catch {
                failures += 1
                Console.error("demo section \"\(section.title)\" failed: \(error)")
            }
            Console.output("")
        }
        if failures > 0 { throw CLIExit.invalid }
        Console.output("demo finished: \(Self.sections.count) sections, all ok")
    }
}

/// A section of `zwkit demo`. Sections print what they do and throw if anything they
/// check comes out wrong, so the demo doubles as a smoke test.
protocol DemoSection: Sendable {
    var title: String { get }
    func run() async throws
}
