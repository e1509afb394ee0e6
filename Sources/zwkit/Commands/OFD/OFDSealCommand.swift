import ArgumentParser
import ESeal
import Foundation
import OFD

/// `zwkit ofd seal`: adds a seal signature to an OFD file (签章).
struct OFDSealCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal",
        abstract: "Seal an OFD file (签章): at a position, on a keyword, or across pages (骑缝章).",
        discussion: """
            Give exactly one of --page with --at, --keyword, or --cross-page. Positions and sizes are in \
            millimetres from the page's top-left corner; the size defaults to the seal picture's. A file that \
            already carries signatures gets this one in continue-sign mode (the earlier seals stay valid). \
            The output is written completely before it replaces anything.
            """)

    @Argument(help: "The OFD file to seal.") var input: String
    @Option(help: "The electronic seal (.esl).") var seal: String
    @Option(help: "The signer's SM2 private key (PEM).") var key: String
    @Option(help: "The signer's certificate (PEM or DER), one the seal lists.") var cert: String
    @Option(parsing: .unconditional, help: "The page (1-based) for --at.") var page: Int?
    @Option(help: "The seal's top-left corner X,Y in mm, on --page.") var at: String?
    @Option(help: "Centre the seal on this text (关键字签章).") var keyword: String?
    @Flag(name: .customLong("all-occurrences"), help: "With --keyword: seal every occurrence, not only the first.")
    var allOccurrences = false
    @Option(name: .customLong("cross-page"), help: "A cross-page seal (骑缝章) over pages FROM-TO.")
    var crossPage: String?
    @Option(help: "The printed size W,H in mm.") var size: String?
    @Option(name: .shortAndLong, help: "The output file.") var output: String

    func run() async throws {
        let placement = try self.placement()
        let printed = try size.map { text -> OFDSealSize in
            let numbers = try Self.pair(text, option: "--size")
            return OFDSealSize(width: numbers.0, height: numbers.1)
        }
        let electronicSeal = try SealInputs.seal(seal)
        let signer: SealSigner
        do {
            signer = try SealSigner(privateKey: SealInputs.privateKey(key), certificate: SealInputs.certificate(cert))
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("\(key), \(cert): \(error)")
        }
        let document = try OFDInputs.open(input)
        let sealed: Data
        do {
            sealed = try OFDSealer(seal: electronicSeal, signer: signer).seal(
                document.file, placement: placement, size: printed)
        } catch {
            throw CLIError("\(error.message) (\(error.chineseTerm)) [\(error.code)]")
        }
        try OutputFiles.write(sealed, to: output)
        Console.output("sealed \(input) -> \(output)")
    }

    private func placement() throws -> OFDSealPlacement {
        let given = [at != nil || page != nil, keyword != nil, crossPage != nil].filter { $0 }.count
        guard given == 1 else {
            throw ValidationError("give exactly one of --page N --at X,Y, --keyword TEXT or --cross-page FROM-TO")
        }
        if let keyword {
            return .keyword(keyword, occurrence: allOccurrences ? .all : .first)
        }
        if let crossPage {
            let parts = crossPage.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2 else {
                throw ValidationError("--cross-page \(crossPage): expected FROM-TO, e.g. 1-3")
            }
            return .crossPage(from: parts[0], to: parts[1])
        }
        guard let page, let at else { throw ValidationError("--page and --at go together") }
        let point = try Self.pair(at, option: "--at")
        return .position(page: page, x: point.0, y: point.1)
    }

    private static func pair(_ text: String, option: String) throws -> (Double, Double) {
        let numbers = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard numbers.count == 2, numbers.allSatisfy(\.isFinite) else {
            throw ValidationError("\(option) \(text): expected two numbers in mm, e.g. 120,200")
        }
        return (numbers[0], numbers[1])
    }
}
