// swift-tools-version:6.1
import PackageDescription

import struct Foundation.URL

// Benchmarks live in their own package so the main build stays light. Each module adds
// one executable target under Benchmarks/<Name>/ and one line in `benchmarkTargets`.
// Run: `swift package --package-path Benchmarks benchmark` (see Documentation/Benchmarks.md).
let benchmarkTargets: [(name: String, dependencies: [String])] = [
    ("GMCryptoBenchmarks", ["GMCrypto"]),
    ("X509Benchmarks", ["GMCertificates", "GMCrypto"]),
    ("CodesBenchmarks", ["AdminDivision", "CitizenID", "CreditCode"]),
    ("ServiceItemBenchmarks", ["ServiceItem"]),
    ("ESealBenchmarks", ["ESeal", "GMCertificates", "GMCrypto"]),
    ("UnifiedIdentityBenchmarks", ["UnifiedIdentity", "GMCrypto"]),
    ("ELicenseBenchmarks", ["ELicense", "OFD", "ESeal", "GMCertificates", "GMCrypto"]),
]

// Plain measuring tools (no harness) under Tools/<Name>/, driven by Scripts/bench-*:
let toolTargets: [(name: String, dependencies: [String])] = [
    // Scripts/bench-gmcrypto's ratios to `openssl speed`.
    ("GMCryptoSpeed", ["GMCertificates", "GMCrypto"]),
    // One token or raw verification N times, for Scripts/bench-identity --instructions (callgrind).
    ("IdentityInstructions", ["GMCrypto", "UnifiedIdentity"]),
    // Cold, warm and reference seal verifications N times, for Scripts/bench-eseal --instructions.
    ("SealInstructions", ["ESeal", "GMCertificates", "GMCrypto"]),
    // Scripts/bench-sm2: SM2, seal and token verification with the dedicated SM2 path and OpenSSL's.
    ("SM2VerifySpeed", ["ESeal", "GMCertificates", "GMCrypto", "UnifiedIdentity"]),
    // Scripts/sm2-differential: the dedicated SM2 verification against OpenSSL's on random triples.
    ("SM2Differential", ["GMCrypto"]),
    // Scripts/bench-ofd: e-invoice verification rate vs its SM2 + SM3 reference; 100 MB memory.
    ("OFDSpeed", ["OFD", "ESeal", "GMCertificates", "GMCrypto", "ZhengwuKitCore"]),
]

// Code the benchmarks and the tools share, under Support/<Name>/.
let supportTargets: [Target] = [
    // The calling thread's CPU time, what the rates per core are measured in.
    .target(name: "BenchmarkSupport", path: "Support/BenchmarkSupport")
]

// A path dependency's identity is its folder's name, which differs between clones.
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent

let package = Package(
    name: "ZhengwuKitBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: supportTargets
        + toolTargets.map { target in
            .executableTarget(
                name: target.name,
                dependencies: ["BenchmarkSupport"]
                    + target.dependencies.map { .product(name: $0, package: mainPackage) },
                path: "Tools/\(target.name)"
            )
        }
        + benchmarkTargets.map { target in
            .executableTarget(
                name: target.name,
                dependencies: [.product(name: "Benchmark", package: "benchmark"), "BenchmarkSupport"]
                    + target.dependencies.map { .product(name: $0, package: mainPackage) },
                path: "Benchmarks/\(target.name)",
                plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
            )
        }
)
