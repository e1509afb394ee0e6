// swift-tools-version:6.1
import PackageDescription

import struct Foundation.URL

// libFuzzer targets for ZhengwuKit's parsers, one executable target per fuzzer.
// Build and run: see Documentation/ESeal.md ("Fuzzing") and Scripts/fuzz-eseal; Scripts/fuzz-token;
// Scripts/fuzz-revocation (CRLs and OCSP responses); Scripts/fuzz-ofd (OFD packages and parts);
// Scripts/fuzz-elicense (licence XML and status lists); Scripts/fuzz-sm2 (SM2 verification against OpenSSL's);
// Scripts/fuzz-signeddata (GB/T 35275 SignedData signatures inside an OFD).

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
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "ESealFuzzer", dependencies: ["FuzzDriver", .product(name: "ESeal", package: mainPackage)]),
        .executableTarget(
            name: "TokenFuzzer", dependencies: ["FuzzDriver", .product(name: "UnifiedIdentity", package: mainPackage)]),
        .executableTarget(
            name: "LicenceFuzzer", dependencies: ["FuzzDriver", .product(name: "ELicense", package: mainPackage)]),
        .executableTarget(
            name: "OFDFuzzer",
            dependencies: [
                "FuzzDriver", .product(name: "OFD", package: mainPackage),
                .product(name: "ZhengwuKitCore", package: mainPackage),
                .product(name: "ESeal", package: mainPackage),
            ]),
        .executableTarget(
            name: "RevocationFuzzer",
            dependencies: [
                "FuzzDriver", .product(name: "GMCertificates", package: mainPackage),
                .product(name: "GMCrypto", package: mainPackage),
            ]),
        .executableTarget(
            name: "SignedDataFuzzer",
            dependencies: [
                "FuzzDriver", .product(name: "OFD", package: mainPackage),
                .product(name: "GMCertificates", package: mainPackage),
                .product(name: "GMCrypto", package: mainPackage),
            ]),
        .executableTarget(
            name: "SM2VerifyFuzzer", dependencies: ["FuzzDriver", .product(name: "GMCrypto", package: mainPackage)]),
    ],
    swiftLanguageModes: [.v6]
)
