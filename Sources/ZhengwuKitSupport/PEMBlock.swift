import Foundation

/// One PEM block (RFC 7468): a label and the DER bytes it wraps. The one PEM reader and writer
/// of the package: keys, certificates, certificate bundles and CRLs all go through it.
///
/// PEM is parsed here rather than by OpenSSL so a caller learns exactly what was wrong (no
/// BEGIN line, another label, a broken base64 body) instead of a generic decode error. Text
/// outside blocks (bundles often carry comments) is ignored; everything inside a block must be
/// right, in every block of the text.
package struct PEMBlock: Sendable, Equatable {
    package let label: String
    package let derBytes: Data

    package init(label: String, derBytes: Data) {
        self.label = label
        self.derBytes = derBytes
    }

    /// The first block in `text` whose label is one of `labels`; a file may hold several
    /// blocks (a certificate before its key).
    package init(parsing text: String, expecting labels: [String]) throws(PEMError) {
        let blocks = try Self.blocks(in: text)
        guard let wanted = blocks.first(where: { labels.contains($0.label) }) else {
            throw .unexpectedLabel(blocks[0].label, expected: labels)
        }
        self = wanted
    }

    /// Every block of `text`, in order; throws when there is none.
    package static func blocks(in text: String) throws(PEMError) -> [PEMBlock] {
        var blocks: [PEMBlock] = []
        var currentLabel: String?
        var body = ""
        for line in lines(text) {
            if let label = boundaryLabel(line, kind: "BEGIN") {
                if let open = currentLabel {
                    throw .malformed("BEGIN \(label) inside an unfinished \(open) block")
                }
                currentLabel = label
                body = ""
            } else if let label = boundaryLabel(line, kind: "END") {
                guard let open = currentLabel else { throw .malformed("END \(label) without BEGIN") }
                guard label == open else { throw .malformed("BEGIN \(open) closed by END \(label)") }
                guard let der = Data(base64Encoded: body), !der.isEmpty else {
                    throw .malformed("the body of the \"\(label)\" block is not valid base64")
                }
                blocks.append(PEMBlock(label: label, derBytes: der))
                currentLabel = nil
            } else if let open = currentLabel {
                // RFC 7468 allows headers only in legacy encrypted PEM, which nothing here reads.
                // (Searched as a byte: String.contains(String) goes through NSString here.)
                guard !line.utf8.contains(UInt8(ascii: ":")) else {
                    throw .malformed(
                        "a header line in the \"\(open)\" block: encrypted or header-carrying PEM is not supported")
                }
                body += line
            }
        }
        if let open = currentLabel { throw .malformed("no \"-----END \(open)-----\" line") }
        guard !blocks.isEmpty else { throw .noBlock }
        return blocks
    }

    /// The PEM text, base64 wrapped at 64 columns, ending with a newline.
    package var pemString: String {
        let base64 = derBytes.base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN \(label)-----\n\(base64)\n-----END \(label)-----\n"
    }

    /// The lines of `text` without their surrounding spaces and tabs. ASCII text (every real
    /// PEM file) is split byte by byte; splitting by `Character` and trimming with Foundation
    /// took three times as long as reading a certificate itself.
    private static func lines(_ text: String) -> [String] {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        // The ASCII characters `Character.isNewline` accepts: LF, VT, FF, CR.
        return utf8.split(omittingEmptySubsequences: false) { (0x0A...0x0D).contains($0) }.map { line in
            let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
            let start = line.firstIndex { !isBlank($0) } ?? line.endIndex
            let end = line.lastIndex { !isBlank($0) }.map { line.index(after: $0) } ?? start
            return String(Substring(line[start..<max(start, end)]))
        }
    }

    private static func boundaryLabel(_ line: String, kind: String) -> String? {
        let prefix = "-----\(kind) "
        guard line.hasPrefix(prefix), line.hasSuffix("-----"), line.count > prefix.count + 5 else { return nil }
        return String(line.dropFirst(prefix.count).dropLast(5))
    }
}

/// Why a text is not the PEM asked for; each module wraps it in its own error.
package enum PEMError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No `-----BEGIN …-----` line at all.
    case noBlock
    /// Blocks, but none with a wanted label; the first label found.
    case unexpectedLabel(String, expected: [String])
    /// A block is broken: unfinished, mislabelled at its end, headers, bad base64.
    case malformed(String)

    package var description: String {
        switch self {
        case .noBlock:
            return "no \"-----BEGIN …-----\" line"
        case .unexpectedLabel(let found, let expected):
            let wanted = expected.map { "\"\($0)\"" }.joined(separator: " or ")
            return "the PEM label is \"\(found)\", expected \(wanted)"
        case .malformed(let reason):
            return reason
        }
    }
}
