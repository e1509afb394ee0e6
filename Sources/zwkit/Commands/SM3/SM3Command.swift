import ArgumentParser
import Foundation
import GMCrypto

/// `zwkit sm3 [FILE|-]...`: the SM3 digest (GB/T 32905) of each file, in hex.
struct SM3Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sm3",
        abstract: "Print the SM3 digest (GB/T 32905) of files or standard input, in hex.",
        discussion: """
            With one input only the digest is printed; with several, each line is \
            "DIGEST  FILE" like sha256sum. `-` (the default) reads standard input.
            """
    )

    @Argument(help: "Files to hash; `-` for standard input.")
    var files: [String] = ["-"]

    @Flag(help: "Print one JSON object per file.")
    var json = false

    func run() throws {
        for file in files {
            // Streamed: a file of any size hashes in one chunk's memory.
            var hash = SM3()
            try InputFiles.stream(file) { hash.update(bufferPointer: $0) }
            let digest = hash.finalize()
            if json {
                try Console.json(Report(file: file, algorithm: "SM3", digest: digest.hexString))
            } else if files.count == 1 {
                Console.output(digest.hexString)
            } else {
                Console.output("\(digest.hexString)  \(file)")
            }
        }
    }

    struct Report: Encodable {
        let file: String
        let algorithm: String
        let digest: String
    }
}
