import ArgumentParser
import ESeal
import Foundation

/// `zwkit seal make`: 制章, a GB/T 38540 seal signed by the seal maker.
struct SealMakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make", abstract: "Make a seal (制章) signed by the seal maker's SM2 key.")

    @Option(help: "The seal's name 印章名称.") var name: String
    @Option(parsing: .unconditional, help: "The seal type: 1 official 单位印章, 2 personal 个人印章, others by agreement.")
    var type: Int
    @Option(name: .customLong("maker-key"), help: "The seal maker's SM2 private key (PEM).") var makerKey: String
    @Option(name: .customLong("maker-cert"), help: "The seal maker's certificate (PEM or DER).") var makerCert: String
    @Option(name: .customLong("signer-cert"), help: "A certificate that may sign with the seal (repeatable).")
    var signerCerts: [String] = []
    @Option(help: "The seal picture: png, jpg, gif or a zipped OFD.") var picture: String
    @Option(parsing: .unconditional, help: "Printed width in millimetres.") var width: Int
    @Option(parsing: .unconditional, help: "Printed height in millimetres.") var height: Int
    @Option(name: .customLong("valid-days"), parsing: .unconditional, help: "Valid from now for this many days.")
    var validDays: Int?
    @Option(name: .customLong("valid-from"), help: "Start of validity (YYYY-MM-DD or ISO 8601).") var validFrom: String?
    @Option(name: .customLong("valid-to"), help: "End of validity (YYYY-MM-DD or ISO 8601).") var validTo: String?
    @Option(
        help:
            "The seal's stated making date 制章日期 (ISO 8601; default now), e.g. the date the seal was approved.")
    var created: String?
    @Option(name: .customLong("esid"), help: "The seal identifier 电子印章标识 (random when absent; never empty).")
    var esID: String?
    @Option(help: "The vendor identifier in the header.") var vendor = "ZhengwuKit"
    @Flag(help: "List SM3 digests of the signer certificates instead of the certificates.") var digests = false
    @Flag(name: .customLong("v5"), help: "Write header version 5 (the field variant) instead of 4.") var version5 =
        false
    @Option(name: .shortAndLong, help: "Where to write the seal (.esl); - for stdout.") var output: String

    func validate() throws {
        // A seal without an identifier cannot be told apart from others or revoked; verifiers
        // and registries need it, so an empty one is refused rather than written.
        if let esID, esID.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(
                "--esid is empty; give the seal identifier (电子印章标识), or leave --esid out for a random one")
        }
    }

    func run() async throws {
        guard !signerCerts.isEmpty else { throw CLIError("give at least one --signer-cert (缺少签章人证书)") }
        let now = Date()
        let validity: (Date, Date)
        switch (validDays, validFrom, validTo) {
        case (let days?, nil, nil):
            guard days > 0 else { throw CLIError("--valid-days must be positive (有效期错误)") }
            validity = (now, now.addingTimeInterval(Double(days) * 86_400))
        case (nil, let from?, let to?):
            validity = (
                try TimeOptions.parse(from, option: "--valid-from"), try TimeOptions.parse(to, option: "--valid-to")
            )
        default:
            throw CLIError("give either --valid-days N or both --valid-from and --valid-to (有效期错误)")
        }
        let key = try SealInputs.privateKey(makerKey)
        let makerCertificate = try SealInputs.certificate(makerCert)
        let signers = try signerCerts.map(SealInputs.certificate)
        do {
            let image = try SealPicture(
                data: Array(try InputFiles.read(picture)), widthMillimetres: width, heightMillimetres: height)
            var builder = SealBuilder(
                name: name, type: type, picture: image, signerCertificates: signers, validStart: validity.0,
                validEnd: validity.1)
            builder.createDate = try created.map { try TimeOptions.parse($0, option: "--created") } ?? now
            builder.esID = esID
            builder.vendorID = vendor
            builder.listing = digests ? .sm3Digests : .certificates
            builder.version = version5 ? .v5 : .v4
            let seal = try builder.make(makerKey: key, makerCertificate: makerCertificate)
            try OutputFiles.write(Data(seal.derRepresentation), to: output)
            Console.error(
                "made \(seal.version) seal \"\(seal.name)\" (\(seal.esID)), \(seal.derRepresentation.count) bytes")
        } catch let error as ESealError {
            throw CLIError(error.description)
        }
    }
}
