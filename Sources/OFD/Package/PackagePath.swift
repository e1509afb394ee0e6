/// Entry names and the references OFD parts make to each other.
///
/// GB/T 33190 writes references as absolute paths from the package root (`/Doc_0/Document.xml`)
/// or relative to the referring part's folder (`Pages/Page_0/Content.xml` in `Doc_0/Document.xml`).
/// Vendors also write root paths without the leading `/`; `resolve` tries the standard's reading
/// first and then that one, and says when a fallback found the entry.
///
/// Every entry name and reference passes through here, several times a verification, so the
/// work is done on UTF-8 bytes: splitting a `String` walks grapheme clusters, and Foundation's
/// replacing and trimming go through ICU, which together cost more than the XML parsing.
enum PackagePath {
    private static let slash = UInt8(ascii: "/")
    private static let backslash = UInt8(ascii: "\\")
    private static let dot = UInt8(ascii: ".")

    /// The canonical form of an entry name (no leading `/`, `/` as separator), or `nil` when
    /// the name is absolute or climbs out of the package.
    static func entryName(_ raw: String) -> String? {
        let bytes = forwardSlashes(Array(raw.utf8))
        if bytes.first == slash { return nil }
        // A drive letter (`C:`) as the first component is as absolute as a leading slash.
        let first = bytes.prefix { $0 != slash }
        if first.count == 2, first.last == UInt8(ascii: ":") { return nil }
        return normalised(bytes)
    }

    /// The folder of an entry (`Doc_0/Signs/Sign_0` for `Doc_0/Signs/Sign_0/Signature.xml`).
    static func folder(of entry: String) -> String {
        guard let slash = entry.utf8.lastIndex(of: slash) else { return "" }
        return String(entry[..<slash])
    }

    /// Joins a reference to a base folder, normalising; `nil` when it climbs out.
    static func join(_ base: String, _ reference: String) -> String? {
        join(Array(base.utf8), Array(reference.utf8))
    }

    /// The entry names a reference may mean, the standard's reading first.
    static func candidates(_ reference: String, from base: String) -> [(path: String, standard: Bool)] {
        let trimmed = forwardSlashes(Array(trimmingWhitespace(reference).utf8))
        let base = Array(base.utf8)
        var result: [(String, Bool)] = []
        if trimmed.first == slash {
            let rooted = Array(trimmed.dropFirst())
            if let path = join([], rooted) { result.append((path, true)) }
            if let path = join(base, rooted) { result.append((path, false)) }
        } else {
            if let path = join(base, trimmed) { result.append((path, true)) }
            if let path = join([], trimmed) { result.append((path, false)) }
        }
        return result
    }

    /// `text` without leading and trailing white space and line ends.
    static func trimmingWhitespace(_ text: String) -> String {
        let visibleASCII = UInt8(0x21)...UInt8(0x7E)
        if let first = text.utf8.first, let last = text.utf8.last, visibleASCII.contains(first),
            visibleASCII.contains(last)
        {
            return text
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    private static func join(_ base: [UInt8], _ reference: [UInt8]) -> String? {
        base.isEmpty ? normalised(reference) : normalised(base + [slash] + reference)
    }

    /// `bytes` with each `\` written as `/` (Windows-made packages use both).
    private static func forwardSlashes(_ bytes: [UInt8]) -> [UInt8] {
        bytes.contains(backslash) ? bytes.map { $0 == backslash ? slash : $0 } : bytes
    }

    /// The path with empty and `.` components dropped and each `..` taking away the component
    /// before it, joined by `/`; `nil` when a `..` would climb above the root.
    private static func normalised(_ path: [UInt8]) -> String? {
        if isNormal(path) { return String(decoding: path, as: UTF8.self) }
        var components: [ArraySlice<UInt8>] = []
        for component in path.split(separator: slash, omittingEmptySubsequences: true) {
            if component.elementsEqual([dot]) { continue }
            if component.elementsEqual([dot, dot]) {
                guard !components.isEmpty else { return nil }
                components.removeLast()
                continue
            }
            components.append(component)
        }
        return String(decoding: Array(components.joined(separator: [slash])), as: UTF8.self)
    }

    /// Whether `path` is already in normal form: no empty, `.` or `..` component (most are).
    private static func isNormal(_ path: [UInt8]) -> Bool {
        var start = 0
        for index in 0...path.count where index == path.count || path[index] == slash {
            let length = index - start
            if length == 0 { return false }
            if length <= 2, path[start] == dot, path[index - 1] == dot { return false }
            start = index + 1
        }
        return true
    }
}
