import Foundation

/// One PEM block (RFC 7468): a label and the DER bytes it wraps.
///
/// PEM is parsed here rather than by OpenSSL so a caller learns exactly what was wrong
/// (no BEGIN line, another label, a broken base64 body) instead of a generic decode error.
package struct PEMDocument: Sendable, Equatable {
    package let label: String
    package let derBytes: Data

    package init(label: String, derBytes: Data) {
        self.label = label
        self.derBytes = derBytes
    }

    /// Parses the first PEM block in `text` whose label is one of `labels`.
    package init(parsing text: String, expecting labels: [String]) throws(GMCryptoError) {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        let labelled = lines.indices.compactMap { index -> (index: Int, label: String)? in
            let line = lines[index]
            guard line.hasPrefix("-----BEGIN "), line.hasSuffix("-----"), line.count > 16 else { return nil }
            return (index, String(line.dropFirst("-----BEGIN ".count).dropLast("-----".count)))
        }
        guard let first = labelled.first else {
            throw .malformedPEM("no \"-----BEGIN …-----\" line")
        }
        // A file may hold several blocks (a certificate before its key): take the first wanted one.
        guard let (beginIndex, label) = labelled.first(where: { labels.contains($0.label) }) else {
            let wanted = labels.map { "\"\($0)\"" }.joined(separator: " or ")
            throw .malformedPEM("the PEM label is \"\(first.label)\", expected \(wanted)")
        }
        let endLine = "-----END \(label)-----"
        guard let endIndex = lines[beginIndex...].firstIndex(of: endLine) else {
            throw .malformedPEM("no \"\(endLine)\" line")
        }
        let body = lines[(beginIndex + 1)..<endIndex]
        // RFC 7468 allows headers only in legacy encrypted PEM, which this API does not read.
        if body.contains(where: { $0.utf8.contains(UInt8(ascii: ":")) }) {
            throw .malformedPEM("encrypted or header-carrying PEM is not supported")
        }
        guard let der = Data(base64Encoded: body.joined()), !der.isEmpty else {
            throw .malformedPEM("the body of the \"\(label)\" block is not valid base64")
        }
        self.label = label
        self.derBytes = der
    }

    /// The PEM text, base64 wrapped at 64 columns, ending with a newline.
    package var pemString: String {
        let base64 = derBytes.base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN \(label)-----\n\(base64)\n-----END \(label)-----\n"
    }
}
