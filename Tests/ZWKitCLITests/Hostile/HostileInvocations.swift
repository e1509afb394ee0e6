import Foundation
import ZhengwuKitCore

/// Every zwkit subcommand, in a working form the hostile suite varies. A new subcommand needs
/// an entry here: `everySubcommandIsCovered` fails until it has one.
enum HostileInvocations {
    /// The test PKI, its CRL and its status list are made when the suite first runs: a date
    /// judged "now" is the time of each run, after them (see `HostileInvocation.now`).
    private static let now = HostileInvocation.now
    /// A licence identifier with a correct check character (GB/T 36904).
    static let licenceIdentifier = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U"
    /// The catalogue's resident identity card (居民身份证).
    static let licenceType = "11100000000013127D001"

    /// Subcommands the suite does not run, each with the reason. Keep it short: a command that
    /// reads files or writes outputs belongs in `all`.
    static let exempt: [String: String] = [
        "help": "prints help only",
        "demo": "reads no files and writes none; runs on embedded sample data",
    ]

    static let all: [HostileInvocation] = [
        .init("sm3", [.input("doc.txt", .data)]),
        .init(
            "sm2 keygen",
            [
                .literal("--out"), .output("new-sm2.key", isPrivateKey: true), .literal("--pub"),
                .output("new-sm2.pub", isPrivateKey: false),
            ]),
        .init(
            "sm2 sign",
            [
                .literal("--key"), .input("sm2.key", .structured), .literal("--out"),
                .output("new.sig", isPrivateKey: false), .input("doc.txt", .data),
            ]),
        .init(
            "sm2 verify",
            [
                .literal("--pub"), .input("sm2.pub", .structured), .literal("--signature"),
                .input("doc.sig", .structured), .input("doc.txt", .data),
            ]),
        .init("cert show", [.input("maker.pem", .structured)]),
        .init(
            "cert verify",
            [
                .input("maker.pem", .structured), .literal("--ca"), .input("ca.pem", .structured),
                .literal("--crl"), .input("crl.pem", .structured), .date(option: "--at", value: now),
            ]),
        .init(
            "cert issue",
            [
                .literal("--subject"), .literal("CN=Hostile"), .literal("--ca-cert"),
                .input("ca.pem", .structured), .literal("--ca-key"), .input("ca.key", .structured),
                .literal("--key-out"),
                .output("issued.key", isPrivateKey: true), .literal("--out"),
                .output("issued.pem", isPrivateKey: false),
                .date(option: "--not-before", value: "2026-01-01T00:00:00Z"),
            ]),
        .init("cert crl show", [.input("crl.pem", .structured), .literal("--ca"), .input("ca.pem", .structured)]),
        .init(
            "cert crl issue",
            [
                .literal("--ca-cert"), .input("ca.pem", .structured), .literal("--ca-key"),
                .input("ca.key", .structured), .literal("--out"), .output("new-crl.pem", isPrivateKey: false),
                .date(option: "--this-update", value: "2026-01-01"),
            ]),
        .init(
            "cert ocsp",
            [
                .input("ocsp.der", .structured), .literal("--cert"), .input("maker.pem", .structured),
                .literal("--issuer"), .input("ca.pem", .structured),
            ]),
        .init("id check", [.literal("--input"), .input("ids.txt", .lines)]),
        .init("id convert", [.literal("--input"), .input("legacy.txt", .lines)]),
        .init("uscc check", [.literal("--input"), .input("uscc.txt", .lines)]),
        .init("orgcode check", [.literal("--input"), .input("org.txt", .lines)]),
        .init("item parse", [.literal("--input"), .input("items.txt", .lines)]),
        .init("item check", [.literal("--input"), .input("items.txt", .lines)]),
        .init("item validate", [.input("catalogue.json", .structured), .literal("--lenient")]),
        .init(
            "seal make",
            [
                .literal("--name"), .literal("测试局"), .literal("--type"), .literal("1"),
                .literal("--maker-key"), .input("maker.key", .structured), .literal("--maker-cert"),
                .input("maker.pem", .structured), .literal("--signer-cert"), .input("signer.pem", .structured),
                .literal("--picture"), .input("seal.png", .structured), .literal("--width"), .literal("40"),
                .literal("--height"), .literal("40"), .date(option: "--valid-from", value: "2026-01-01"),
                .date(option: "--valid-to", value: "2027-01-01T00:00:00Z"), .literal("--output"),
                .output("new-seal.esl", isPrivateKey: false),
            ]),
        .init(
            "seal show",
            [
                .input("seal.esl", .structured), .literal("--picture"),
                .output("picture.png", isPrivateKey: false),
            ]),
        .init(
            "seal sign",
            [
                .literal("--seal"), .input("seal.esl", .structured), .literal("--key"),
                .input("signer.key", .structured), .literal("--cert"), .input("signer.pem", .structured),
                .literal("--data"), .input("doc.txt", .data), .literal("--property"), .literal("doc.txt"),
                .literal("--output"), .output("new-sig.dat", isPrivateKey: false),
            ]),
        .init(
            "seal verify",
            [
                .input("sig.dat", .structured), .literal("--data"), .input("doc.txt", .data),
                .literal("--trust"), .input("ca.pem", .structured),
                .date(option: "--at", value: now),
            ]),
        .init(
            "token keygen",
            [
                .literal("--alg"), .literal("SM2"), .literal("--out"),
                .output("new-token.key", isPrivateKey: true),
            ]),
        .init("token jwks", [.input("token.key", .structured)]),
        .init(
            "token issue",
            [
                .literal("--key"), .input("token.key", .structured), .literal("--claims"),
                .literal("{\"sub\":\"a\"}"),
            ]),
        .init(
            "token verify",
            [
                .literal("-"), .literal("--jwks"), .input("jwks.json", .structured),
                .literal("--aud"), .literal("dept"),
            ], standardInput: "token.txt"),
        .init("license types", []),
        .init("license template", [.literal("--type"), .literal(licenceType)]),
        .init(
            "license issue",
            [
                .literal("--type"), .literal(licenceType), .literal("--data"), .input("licence.json", .structured),
                .literal("--seal"), .input("seal.esl", .structured), .literal("--key"),
                .input("signer.key", .structured), .literal("--cert"), .input("signer.pem", .structured),
                .date(option: "--at", value: now), .literal("--output"),
                .output("new-licence.ofd", isPrivateKey: false),
            ]),
        .init(
            "license verify",
            [
                .input("licence.ofd", .structured), .literal("--trust"), .input("ca.pem", .structured),
                .literal("--status"), .input("status.der", .structured), .date(option: "--at", value: now),
            ]),
        .init("license show", [.input("licence.ofd", .structured)]),
        .init(
            "license annotate",
            [
                .input("licence.ofd", .structured), .literal("--purpose"), .literal("仅供办理入学"),
                .date(option: "--expires", value: "2099-01-01"), .literal("--seal"), .input("seal.esl", .structured),
                .literal("--key"), .input("signer.key", .structured), .literal("--cert"),
                .input("signer.pem", .structured), .literal("--trust"), .input("ca.pem", .structured),
                .literal("--output"), .output("new-copy.ofd", isPrivateKey: false),
            ]),
        .init(
            "license status issue",
            [
                .literal("--key"), .input("signer.key", .structured), .literal("--cert"),
                .input("signer.pem", .structured), .literal("--entry"), .literal("\(licenceIdentifier)=07"),
                .date(option: "--this-update", value: now), .literal("--output"),
                .output("new-status.der", isPrivateKey: false),
            ]),
        .init("license status show", [.input("status.der", .structured)]),
        .init("license id check", [.literal("--input"), .input("licence-ids.txt", .lines)]),
        .init(
            "ofd verify",
            [.input("sealed.ofd", .structured), .literal("--trust"), .input("ca.pem", .structured)]),
        .init(
            "ofd seal",
            [
                .input("plain.ofd", .structured), .literal("--seal"), .input("seal.esl", .structured),
                .literal("--key"), .input("signer.key", .structured), .literal("--cert"),
                .input("signer.pem", .structured), .literal("--keyword"), .literal("测试局"), .literal("--output"),
                .output("new-sealed.ofd", isPrivateKey: false),
            ]),
        .init(
            "ofd sign",
            [
                .input("plain.ofd", .structured), .literal("--key"), .input("signer.key", .structured),
                .literal("--cert"), .input("signer.pem", .structured), .literal("--chain"),
                .input("ca.pem", .structured), .literal("--output"), .output("new-signed.ofd", isPrivateKey: false),
            ]),
        .init("ofd info", [.input("sealed.ofd", .structured)]),
        .init("ofd invoice", [.input("invoice.ofd", .structured)]),
        .init(
            "login",
            [
                .literal("--issuer"), .literal(HostileLoginPlatform.issuer), .literal("--client-id"),
                .literal("demo-client"), .literal("--client-secret"), .literal("demo-secret"),
                .literal("--login-hint"), .literal("citizen-1"), .literal("--profile"),
                .input("login-profile.json", .structured), .literal("--json"),
            ]),
    ]
}
