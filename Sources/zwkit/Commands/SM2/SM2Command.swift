import ArgumentParser
import GMCrypto

/// `zwkit sm2 <verb>`: SM2 keys and SM3withSM2 signatures (GB/T 32918).
struct SM2Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sm2",
        abstract: "SM2 keys and SM3withSM2 signatures (GB/T 32918).",
        subcommands: [SM2KeygenCommand.self, SM2SignCommand.self, SM2VerifyCommand.self]
    )
}

/// The options every signature verb shares.
struct SM2UserIDOption: ParsableArguments {
    @Option(
        name: .customLong("id"),
        help: "The signer's distinguishing ID (default 1234567812345678, as GB/T 32918 and every 国密 tool use).")
    var userID: String = SM2.UserID.default.description

    /// Z_A encodes the ID's length in bits in 16 bits (ENTL), so a longer ID cannot be signed
    /// for at all: a usage error, not a signature that fails to verify.
    func validate() throws {
        let count = userID.utf8.count
        guard count <= SM2.UserID.maximumByteCount else {
            throw ValidationError(
                "--id is \(count) bytes long; an SM2 distinguishing ID (用户身份标识) has at most "
                    + "\(SM2.UserID.maximumByteCount) bytes")
        }
    }

    var resolved: SM2.UserID { SM2.UserID(userID) }
}
