import Foundation

/// Where the package and its neighbours are, for tests that read Specs/ or ../shared.
public enum Fixtures {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ZWKitTestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Specs/` in the package.
    public static let specs = packageRoot.appendingPathComponent("Specs")

    /// Whether this run is CI's (`CI` set to anything but empty/false/0).
    public static var isCI: Bool {
        guard let value = ProcessInfo.processInfo.environment["CI"]?.lowercased() else { return false }
        return !["", "0", "false", "no"].contains(value)
    }

    /// `../shared` beside the package, or `nil` (with a printed notice) when it is absent.
    /// Under CI its absence is an error: the samples are part of what CI must check.
    public static func shared(_ relativePath: String = "", for test: String = #function) throws -> URL? {
        let root = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        let url = relativePath.isEmpty ? root : root.appendingPathComponent(relativePath)
        if FileManager.default.fileExists(atPath: url.path) {
            return url
        }
        if isCI {
            throw FixtureError.missing("\(url.path) is required under CI but absent")
        }
        print("notice: skipping \(test): \(url.path) is absent")
        return nil
    }

    /// A fresh temporary directory, removed by the caller with `cleanUp`.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("zwkit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    public static func cleanUp(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }
}

public enum FixtureError: Error, CustomStringConvertible {
    case missing(String)
    public var description: String {
        switch self {
        case .missing(let what): return what
        }
    }
}
