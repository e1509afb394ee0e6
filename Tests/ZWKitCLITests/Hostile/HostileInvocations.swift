import Foundation
import ZhengwuKitCore

/// Every zwkit subcommand, in a working form the hostile suite varies. A new subcommand needs
/// an entry here: `everySubcommandIsCovered` fails until it has one.
enum HostileInvocations {
    /// The test PKI is made when the suite runs, valid from then: dates are judged now.
    private static let now = Timestamp.format(Date())

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
                .output("new.sig", isPrivateKey: false), .input("doc.txt", .structured),
            ]),
        .init(
            "sm2 verify",
            [
                .literal("--pub"), .input("sm2.pub", .structured), .literal("--signature"),
                .input("doc.sig", .structured), .input("doc.txt", .structured),
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
                .literal("--subject"), .literal("/CN=Hostile"), .literal("--ca-cert"),
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
                .input("sig.dat", .structured), .literal("--data"), .input("doc.txt", .structured),
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
    ]
}
