import Foundation
import GMCrypto

/// The PEM armour of certificates (RFC 7468 §5): `-----BEGIN CERTIFICATE-----`, base64 of
/// the DER, `-----END CERTIFICATE-----`. Text outside blocks (bundles often carry
/// comments) is ignored; everything inside a block must be right.
enum X509PEM {
    static let label = "CERTIFICATE"

    /// The DER of every certificate block in `text`, in order.
    static func decodeAll(_ text: String) throws(X509Error) -> [[UInt8]] {
        var blocks: [[UInt8]] = []
        var currentLabel: String?
        var body = ""
        for line in lines(text) {
            if let label = boundaryLabel(line, kind: "BEGIN") {
                if let open = currentLabel {
                    throw .malformedPEM("BEGIN \(label) inside an unfinished \(open) block")
                }
                guard label == Self.label else { throw .unexpectedPEMLabel(label) }
                currentLabel = label
                body = ""
            } else if let label = boundaryLabel(line, kind: "END") {
                guard let open = currentLabel else { throw .malformedPEM("END \(label) without BEGIN") }
                guard label == open else { throw .malformedPEM("BEGIN \(open) closed by END \(label)") }
                guard let der = Data(base64Encoded: body), !der.isEmpty else {
                    throw .malformedPEM("the body of block \(blocks.count + 1) is not valid base64")
                }
                blocks.append(Array(der))
                currentLabel = nil
            } else if currentLabel != nil {
                // RFC 7468 allows no headers in CERTIFICATE blocks; a colon means RFC 1421 headers.
                // (Searched as a byte: String.contains(String) goes through NSString here.)
                guard !line.utf8.contains(UInt8(ascii: ":")) else {
                    throw .malformedPEM("unexpected header line in a certificate block")
                }
                body += line
            }
        }
        if let open = currentLabel { throw .malformedPEM("the \(open) block has no END line") }
        guard !blocks.isEmpty else { throw .malformedPEM("no -----BEGIN CERTIFICATE----- block found") }
        return blocks
    }

    /// The lines of `text` without their surrounding spaces and tabs. ASCII text (every
    /// real PEM file) is split byte by byte; splitting by `Character` and trimming with
    /// Foundation took three times as long as reading the certificate itself.
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

    /// `der` armoured as one PEM block with 64-character lines.
    static func encode(_ der: [UInt8]) -> String {
        PEMDocument(label: label, derBytes: Data(der)).pemString
    }

    private static func boundaryLabel(_ line: String, kind: String) -> String? {
        let prefix = "-----\(kind) "
        guard line.hasPrefix(prefix), line.hasSuffix("-----"), line.count >= prefix.count + 5 else { return nil }
        return String(line.dropFirst(prefix.count).dropLast(5))
    }
}
