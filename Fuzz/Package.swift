// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for ZhengwuKit's parsers, one executable target per fuzzer.
// Build: see Documentation/ESeal.md ("Fuzzing") and Scripts/fuzz-eseal.
let package = Package(
    name: "ZhengwuKitFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "..")
    ],
    targets: [
        .executableTarget(name: "TokenFuzzer", dependencies: [.product(name: "UnifiedIdentity", package: "ZhengwuKit")])
    ],
    swiftLanguageModes: [.v6]
)
