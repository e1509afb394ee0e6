import ArgumentParser
import ESeal
import Foundation
import ZhengwuKitCore

/// `zwkit seal sign`: 签章, applies a seal to a file.
struct SealSignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign", abstract: "Apply a seal to a file (签章), writing a GB/T 38540 SES_Signature.")

    @Option(help: "The seal (.esl).") var seal: String
    @Option(help: "The signer's SM2 private key (PEM).") var key: String
    @Option(help: "The signer's certificate (PEM or DER).") var cert: String
    @Option(help: "The file to protect; hashed with SM3 in constant memory.") var data: String
    @Option(help: "propertyInfo: what is protected (defaults to the data file's name).") var property: String?
    @Option(help: "The signing time (YYYY-MM-DD or ISO 8601; default now).") var at: String?
    @Option(name: .shortAndLong, help: "Where to write the signature; - for stdout.") var output: String
    @Flag(
        name: .customLong("allow-expired"),
        help: """
            Sign even when the signing time falls outside the seal's validity. Verifiers refuse such a \
            signature; meant for making test cases only.
            """)
    var allowExpired = false

    func run() async throws {
        let sealValue = try SealInputs.seal(seal)
        let privateKey = try SealInputs.privateKey(key)
        let certificate = try SealInputs.certificate(cert)
        let time = try at.map { try TimeOptions.parse($0, option: "--at") } ?? Date()
        // The verifier refuses a signature made outside the seal's validity, so signing one is
        // refused too unless asked for by name.
        if !allowExpired, !(sealValue.validStart...sealValue.validEnd).contains(time) {
            let state = time < sealValue.validStart ? "not yet valid" : "expired"
            Console.error(
                "\(InputFiles.display(seal)): the seal \"\(sealValue.name)\" is \(state) at the signing time "
                    + "\(Timestamp.format(time)) (valid \(Timestamp.format(sealValue.validStart)) to "
                    + "\(Timestamp.format(sealValue.validEnd))); a verifier would refuse the signature, so none was made "
                    + "(印章不在有效期内). Use a valid seal, or --allow-expired to make a test signature.")
            throw CLIExit.invalid
        }
        let protected: ProtectedData =
            .digest(try InputFiles.sm3(data))
        do {
            let signer = try SealSigner(privateKey: privateKey, certificate: certificate)
            let signature = try signer.sign(
                seal: sealValue, data: protected,
                propertyInfo: property ?? URL(fileURLWithPath: data).lastPathComponent, at: time)
            try OutputFiles.write(Data(signature.derRepresentation), to: output)
            Console.error("signed with seal \"\(sealValue.name)\": \(signature.derRepresentation.count) bytes")
        } catch let error as ESealError {
            throw CLIError(error.description)
        }
    }
}
