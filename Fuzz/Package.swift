// swift-tools-version:6.1
import PackageDescription

import struct Foundation.URL

// libFuzzer targets for ZhengwuKit's parsers, one executable target per fuzzer.
// Build: see Scripts/fuzz-token (and Scripts/fuzz-eseal).
let fuzzTargets: [(name: String, product: String)] = [
    ("TokenFuzzer", "UnifiedIdentity")
]

// A path dependency's identity is its folder's name, which differs between clones.
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent

let package = Package(
    name: "ZhengwuKitFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "..")
    ],
    targets: fuzzTargets.map { target in
        .executableTarget(name: target.name, dependencies: [.product(name: target.product, package: mainPackage)])
    },
    swiftLanguageModes: [.v6]
)
