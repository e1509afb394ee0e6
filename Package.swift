// swift-tools-version:6.1
import PackageDescription

// Dependencies point one way: codes and crypto primitives at the bottom, certificates above
// the primitives, seals above certificates, OFD above seals, licences above OFD; tokens above
// certificates and codes. Each capability is its own library product.
let package = Package(
    name: "ZhengwuKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ZhengwuKitCore", targets: ["ZhengwuKitCore"]),
        .library(name: "GMCrypto", targets: ["GMCrypto"]),
        .library(name: "GMCertificates", targets: ["GMCertificates"]),
        .library(name: "AdminDivision", targets: ["AdminDivision"]),
        .library(name: "CitizenID", targets: ["CitizenID"]),
        .library(name: "CreditCode", targets: ["CreditCode"]),
        .library(name: "ServiceItem", targets: ["ServiceItem"]),
        .library(name: "ESeal", targets: ["ESeal"]),
        .library(name: "UnifiedIdentity", targets: ["UnifiedIdentity"]),
        .library(name: "OFD", targets: ["OFD"]),
        .library(name: "ELicense", targets: ["ELicense"]),
        .library(name: "UnifiedLoginCore", targets: ["UnifiedLoginCore"]),
        .library(name: "UnifiedLogin", targets: ["UnifiedLogin"]),
        .executable(name: "zwplatform", targets: ["zwplatform"]),
        .executable(name: "zwkit", targets: ["zwkit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // Tests only: the coexistence test imports `Crypto` beside every ZhengwuKit library.
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", exact: "0.9.20"),
        // Server and login only (zwkit must stay quick to build without them).
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
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
        // zlib, for inflating OFD package entries (OFD's own bounded zip reader).
        .systemLibrary(
            name: "CZhengwuKitZlib",
            path: "Sources/CZhengwuKitZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // SM2 field and point arithmetic for GMCrypto's dedicated SM2 verification (issue 13):
        // our own C, no third-party code; see its header for why it is C.
        .target(name: "CZhengwuKitSM2Field", path: "Sources/CZhengwuKitSM2Field"),

        // MARK: Package-access support (not products)
        // Internals several modules share, once: hex, constant-time comparison, zero padding, the
        // DER signature codec, ASN.1 time and calendar-day conversion, the PEM reader.
        .target(name: "ZhengwuKitSupport", dependencies: [.product(name: "SwiftASN1", package: "swift-asn1")]),
        // Safe XML parsing and XSD validation over libxml2, for OFD and licences.
        .target(name: "ZhengwuKitXML", dependencies: ["CZhengwuKitXML2", "ZhengwuKitCore"]),

        // MARK: Bottom layer: the house shapes, crypto and codes
        // The shapes every module shares: errors, codes, verdicts, policies. Depends only on the
        // package-access support target (its calendar arithmetic and zero padding).
        .target(name: "ZhengwuKitCore", dependencies: ["ZhengwuKitSupport"]),
        .target(
            name: "GMCrypto",
            dependencies: [
                "CZhengwuKitOpenSSL", "CZhengwuKitSM2Field", "ZhengwuKitCore", "ZhengwuKitSupport",
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        .target(name: "AdminDivision", dependencies: ["ZhengwuKitCore", "ZhengwuKitSupport"]),
        .target(name: "CitizenID", dependencies: ["AdminDivision", "ZhengwuKitSupport"]),
        .target(name: "CreditCode", dependencies: ["AdminDivision"]),
        .target(name: "ServiceItem", dependencies: ["CreditCode", "AdminDivision", "ZhengwuKitSupport"]),

        // MARK: Above the primitives: X.509 certificates, CRLs, OCSP, chains and policies
        .target(
            name: "GMCertificates",
            dependencies: [
                "GMCrypto", "ZhengwuKitCore", "ZhengwuKitSupport", "CZhengwuKitOpenSSL",
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),

        // MARK: Above certificates
        .target(
            name: "ESeal",
            dependencies: [
                "GMCrypto", "GMCertificates", "ZhengwuKitCore", "ZhengwuKitSupport",
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "UnifiedIdentity",
            dependencies: [
                "ZhengwuKitCore", "ZhengwuKitSupport", "GMCrypto", "GMCertificates", "CitizenID", "CreditCode",
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: Above seals
        .target(
            name: "OFD",
            dependencies: [
                "ESeal", "GMCertificates", "GMCrypto", "CreditCode", "ZhengwuKitCore", "ZhengwuKitSupport",
                "ZhengwuKitXML", "CZhengwuKitZlib", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),

        // MARK: Licences (above OFD and seals)
        .target(
            name: "ELicense",
            dependencies: [
                "ZhengwuKitCore", "ZhengwuKitSupport", "ZhengwuKitXML", "OFD", "ESeal", "GMCertificates", "GMCrypto",
                "CitizenID", "CreditCode", "AdminDivision",
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),

        // MARK: Login above tokens
        // The login without an HTTP library (a transport is injected), so the CLI can sign in
        // over URLSession without AsyncHTTPClient.
        .target(
            name: "UnifiedLoginCore",
            dependencies: [
                "UnifiedIdentity", "GMCrypto", "CitizenID", "CreditCode", "ZhengwuKitCore",
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Profiles")]
        ),
        // The login over AsyncHTTPClient, for servers.
        .target(
            name: "UnifiedLogin",
            dependencies: [
                "UnifiedLoginCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: The reference provincial platform (a library the executable and tests share)
        .target(
            name: "ZWPlatform",
            dependencies: [
                "UnifiedIdentity", "GMCrypto", "CitizenID", "CreditCode", "ZhengwuKitCore", "ZhengwuKitSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "zwplatform",
            dependencies: [
                "ZWPlatform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),

        // MARK: The CLI
        .executableTarget(
            name: "zwkit",
            dependencies: [
                "GMCrypto", "GMCertificates", "ZhengwuKitSupport", "AdminDivision", "CitizenID", "CreditCode",
                "ServiceItem",
                "ESeal", "UnifiedIdentity", "ELicense", "OFD", "ZhengwuKitCore", "UnifiedLoginCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: Examples (compiled on every build so they never rot)
        .executableTarget(name: "GMCryptoExample", dependencies: ["GMCrypto"], path: "Examples/GMCryptoExample"),
        .executableTarget(
            name: "GMCertificatesExample", dependencies: ["GMCertificates", "GMCrypto"],
            path: "Examples/GMCertificatesExample"),
        .executableTarget(
            name: "UnifiedIdentityExample", dependencies: ["UnifiedIdentity"], path: "Examples/UnifiedIdentityExample"),
        .executableTarget(
            name: "AdminDivisionExample", dependencies: ["AdminDivision"], path: "Examples/AdminDivisionExample"),
        .executableTarget(name: "CitizenIDExample", dependencies: ["CitizenID"], path: "Examples/CitizenIDExample"),
        .executableTarget(name: "CreditCodeExample", dependencies: ["CreditCode"], path: "Examples/CreditCodeExample"),
        .executableTarget(
            name: "ServiceItemExample", dependencies: ["ServiceItem", "AdminDivision"],
            path: "Examples/ServiceItemExample"),
        .executableTarget(
            name: "UnifiedLoginCoreExample", dependencies: ["UnifiedLoginCore"],
            path: "Examples/UnifiedLoginCoreExample"),
        .executableTarget(
            name: "UnifiedLoginExample",
            dependencies: [
                "UnifiedLogin", "UnifiedIdentity", "ZWPlatform",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Examples/UnifiedLoginExample"),
        .executableTarget(
            name: "OFDExample", dependencies: ["OFD", "ESeal", "GMCertificates", "GMCrypto"],
            path: "Examples/OFDExample"),
        .executableTarget(
            name: "ESealExample", dependencies: ["ESeal", "GMCertificates", "GMCrypto", "ZhengwuKitCore"],
            path: "Examples/ESealExample"),
        .executableTarget(
            name: "ELicenseExample",
            dependencies: ["ELicense", "ESeal", "GMCertificates", "GMCrypto", "AdminDivision", "CreditCode"],
            path: "Examples/ELicenseExample"),

        // MARK: Tests
        .target(name: "ZWKitTestSupport", path: "Tests/ZWKitTestSupport"),
        .testTarget(name: "ZhengwuKitCoreTests", dependencies: ["ZhengwuKitCore", "ZWKitTestSupport"]),
        .testTarget(
            name: "ZhengwuKitSupportTests",
            dependencies: ["ZhengwuKitSupport", .product(name: "SwiftASN1", package: "swift-asn1")]),
        .testTarget(name: "GMCryptoTests", dependencies: ["GMCrypto", "ZhengwuKitCore", "ZWKitTestSupport"]),
        .testTarget(
            name: "GMCertificatesTests",
            dependencies: [
                "GMCertificates", "GMCrypto", "ZhengwuKitCore", "ZWKitTestSupport",
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]),
        .testTarget(name: "AdminDivisionTests", dependencies: ["AdminDivision", "ZWKitTestSupport"]),
        .testTarget(name: "CitizenIDTests", dependencies: ["CitizenID", "ZWKitTestSupport"]),
        .testTarget(name: "CreditCodeTests", dependencies: ["CreditCode", "ZWKitTestSupport"]),
        .testTarget(name: "ServiceItemTests", dependencies: ["ServiceItem", "ZWKitTestSupport"]),
        .testTarget(
            name: "ESealTests",
            dependencies: [
                "ESeal", "GMCertificates", "GMCrypto", "ZhengwuKitCore", "ZWKitTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "UnifiedIdentityTests",
            dependencies: [
                "UnifiedIdentity", "GMCertificates", "GMCrypto", "ZhengwuKitCore", "ZWKitTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "ELicenseTests",
            dependencies: [
                "ELicense", "OFD", "GMCertificates", "GMCrypto", "ESeal", "ZhengwuKitCore", "ZWKitTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(name: "ZhengwuKitXMLTests", dependencies: ["ZhengwuKitXML", "ZWKitTestSupport"]),
        .testTarget(
            name: "OFDTests",
            dependencies: [
                "OFD", "ESeal", "GMCrypto", "GMCertificates", "ZhengwuKitCore", "ZWKitTestSupport",
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]),
        .testTarget(
            name: "UnifiedLoginTests",
            dependencies: [
                "UnifiedLogin", "UnifiedLoginCore", "ZWPlatform", "UnifiedIdentity", "GMCrypto", "ZWKitTestSupport",
                "UnifiedLoginExample", "zwplatform", "zwkit",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(
            name: "ZWPlatformTests",
            dependencies: [
                "ZWPlatform", "UnifiedIdentity", "CitizenID", "ZWKitTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "SwiftCryptoCoexistenceTests",
            dependencies: [
                "ZhengwuKitCore", "GMCrypto", "GMCertificates", "AdminDivision", "CitizenID", "CreditCode",
                "ServiceItem", "ESeal", "UnifiedIdentity", "OFD", "ELicense", "UnifiedLoginCore", "UnifiedLogin",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // zwplatform: `zwkit login` signs in at it.
        .testTarget(
            name: "ZWKitCLITests", dependencies: ["zwkit", "zwplatform", "ZWKitTestSupport", "ZhengwuKitCore"]),
    ],
    swiftLanguageModes: [.v6]
)
