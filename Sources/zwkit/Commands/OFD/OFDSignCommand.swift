import ArgumentParser
import Foundation
import OFD

/// `zwkit ofd sign`: adds a digital signature (数字签名, `Type="Sign"`, GB/T 35275 SignedData).
struct OFDSignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign an OFD file with a digital signature (数字签名): a GB/T 35275 SignedData, no seal.",
        discussion: """
            The signature protects every file (continue-sign mode when the file already carries signatures). \
            --form signed-attributes (default) writes the RFC 5652 form with a detached content and signed \
            attributes; digest-content writes ofdrw's GBT35275DSContainer form. `zwkit ofd verify --trust` \
            checks it. The output is written completely before it replaces anything.
            """)

    @Argument(help: "The OFD file to sign.") var input: String
    @Option(help: "The signer's SM2 private key (PEM).") var key: String
    @Option(help: "The signer's certificate (PEM or DER).") var cert: String
    @Option(help: "CA certificates to carry beside the signer's (PEM bundle).") var chain: String?
    @Option(help: "signed-attributes or digest-content.") var form: String = OFDDigitalSigner.Form.signedAttributes
        .rawValue
    @Option(name: .shortAndLong, help: "The output file.") var output: String

    func run() async throws {
        guard let form = OFDDigitalSigner.Form(rawValue: form) else {
            throw ValidationError("--form \(form): expected signed-attributes or digest-content (签名格式错误)")
        }
        let signer: OFDDigitalSigner
        do {
            signer = try OFDDigitalSigner(
                privateKey: SealInputs.privateKey(key), certificate: SealInputs.certificate(cert),
                intermediates: try chain.map(SealInputs.certificates) ?? [], form: form)
        } catch let error as CLIError {
            throw error
        } catch let error as OFDError {
            throw CLIError("\(key), \(cert): \(error.message) (\(error.chineseTerm)) [\(error.code)]")
        }
        let document = try OFDInputs.open(input)
        let signed: Data
        do {
            signed = try signer.sign(document.file)
        } catch {
            throw CLIError("\(error.message) (\(error.chineseTerm)) [\(error.code)]")
        }
        try OutputFiles.write(signed, to: output)
        Console.output("signed \(input) -> \(output)")
    }
}
