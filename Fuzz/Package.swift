// swift-tools-version:6.1
import PackageDescription

import struct Foundation.URL

// libFuzzer targets for ZhengwuKit's parsers, one executable target per fuzzer.
// Build and run: see Documentation/ESeal.md ("Fuzzing") and Scripts/fuzz-eseal; Scripts/fuzz-token;
// Scripts/fuzz-revocation (CRLs and OCSP responses).

// A path dependency's identity is its folder's name, which differs between clones.
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent

let package = Package(
    name: "ZhengwuKitFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "..")
    ],
    targets: [
        .executableTarget(name: "ESealFuzzer", dependencies: [.product(name: "ESeal", package: mainPackage)]),
        .executableTarget(
            name: "TokenFuzzer", dependencies: [.product(name: "UnifiedIdentity", package: mainPackage)]),
        .executableTarget(
            name: "RevocationFuzzer", dependencies: [.product(name: "GMCrypto", package: mainPackage)]),
    ],
    swiftLanguageModes: [.v6]
)
