// swift-tools-version:6.1
import PackageDescription

// Dependencies point one way: codes and crypto at the bottom, seals above crypto,
// OFD above seals, licences on top. Each capability is its own library product.
let package = Package(
    name: "ZhengwuKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ZhengwuKitCore", targets: ["ZhengwuKitCore"]),
        .library(name: "GMCrypto", targets: ["GMCrypto"]),
        .library(name: "AdminDivision", targets: ["AdminDivision"]),
        .library(name: "CitizenID", targets: ["CitizenID"]),
        .library(name: "CreditCode", targets: ["CreditCode"]),
        .library(name: "ServiceItem", targets: ["ServiceItem"]),
        .library(name: "ESeal", targets: ["ESeal"]),
        .library(name: "UnifiedIdentity", targets: ["UnifiedIdentity"]),
        .executable(name: "zwkit", targets: ["zwkit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // MARK: C shims (system libraries; imported with `internal import` only)
        .systemLibrary(
            name: "CZhengwuKitOpenSSL",
            path: "Sources/CZhengwuKitOpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CZhengwuKitXML2",
            path: "Sources/CZhengwuKitXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        // MARK: Package-access support (not products)
        // Safe XML parsing and XSD validation over libxml2, for OFD and licences.
        .target(name: "ZhengwuKitXML", dependencies: ["CZhengwuKitXML2"]),

        // MARK: Bottom layer: the house shapes, crypto and codes
        // The shapes every module shares: errors, codes, verdicts, policies. Depends on nothing.
        .target(name: "ZhengwuKitCore"),
        .target(
            name: "GMCrypto",
            dependencies: [
                "CZhengwuKitOpenSSL",
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        .target(name: "AdminDivision"),
        .target(name: "CitizenID", dependencies: ["AdminDivision"]),
        .target(name: "CreditCode", dependencies: ["AdminDivision"]),
        .target(name: "ServiceItem", dependencies: ["CreditCode", "AdminDivision"]),

        // MARK: Above crypto
        .target(
            name: "ESeal",
            dependencies: [
                "GMCrypto",
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        .target(
            name: "UnifiedIdentity",
            dependencies: [
                "ZhengwuKitCore", "GMCrypto", "CitizenID", "CreditCode",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: The CLI
        .executableTarget(
            name: "zwkit",
            dependencies: [
                "GMCrypto", "AdminDivision", "CitizenID", "CreditCode", "ServiceItem",
                "ESeal", "UnifiedIdentity",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Examples (compiled on every build so they never rot)
        .executableTarget(name: "GMCryptoExample", dependencies: ["GMCrypto"], path: "Examples/GMCryptoExample"),
        .executableTarget(name: "X509Example", dependencies: ["GMCrypto"], path: "Examples/X509Example"),
        .executableTarget(
            name: "UnifiedIdentityExample", dependencies: ["UnifiedIdentity"], path: "Examples/UnifiedIdentityExample"),
        .executableTarget(
            name: "AdminDivisionExample", dependencies: ["AdminDivision"], path: "Examples/AdminDivisionExample"),
        .executableTarget(name: "CitizenIDExample", dependencies: ["CitizenID"], path: "Examples/CitizenIDExample"),
        .executableTarget(name: "CreditCodeExample", dependencies: ["CreditCode"], path: "Examples/CreditCodeExample"),
        .executableTarget(
            name: "ServiceItemExample", dependencies: ["ServiceItem", "AdminDivision"],
            path: "Examples/ServiceItemExample"),
        .executableTarget(name: "ESealExample", dependencies: ["ESeal", "GMCrypto"], path: "Examples/ESealExample"),

        // MARK: Tests
        .target(name: "ZWKitTestSupport", path: "Tests/ZWKitTestSupport"),
        .testTarget(name: "ZhengwuKitCoreTests", dependencies: ["ZhengwuKitCore"]),
        .testTarget(name: "GMCryptoTests", dependencies: ["GMCrypto", "ZWKitTestSupport"]),
        .testTarget(name: "AdminDivisionTests", dependencies: ["AdminDivision", "ZWKitTestSupport"]),
        .testTarget(name: "CitizenIDTests", dependencies: ["CitizenID", "ZWKitTestSupport"]),
        .testTarget(name: "CreditCodeTests", dependencies: ["CreditCode", "ZWKitTestSupport"]),
        .testTarget(name: "ServiceItemTests", dependencies: ["ServiceItem", "ZWKitTestSupport"]),
        .testTarget(name: "ESealTests", dependencies: ["ESeal", "GMCrypto", "ZWKitTestSupport"]),
        .testTarget(
            name: "UnifiedIdentityTests",
            dependencies: [
                "UnifiedIdentity", "GMCrypto", "ZhengwuKitCore", "ZWKitTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(name: "ZhengwuKitXMLTests", dependencies: ["ZhengwuKitXML", "ZWKitTestSupport"]),
        .testTarget(name: "ZWKitCLITests", dependencies: ["zwkit", "ZWKitTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
