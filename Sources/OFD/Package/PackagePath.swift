/// Entry names and the references OFD parts make to each other.
///
/// GB/T 33190 writes references as absolute paths from the package root (`/Doc_0/Document.xml`)
/// or relative to the referring part's folder (`Pages/Page_0/Content.xml` in `Doc_0/Document.xml`).
/// Vendors also write root paths without the leading `/`; `resolve` tries the standard's reading
/// first and then that one, and says when a fallback found the entry.
enum PackagePath {
    /// The canonical form of an entry name (no leading `/`, `/` as separator), or `nil` when
    /// the name is absolute or climbs out of the package.
    static func entryName(_ raw: String) -> String? {
        if raw.hasPrefix("/") || raw.hasPrefix("\\") { return nil }
        let unified = raw.replacingOccurrences(of: "\\", with: "/")
        if let first = unified.split(separator: "/").first, first.count == 2, first.hasSuffix(":") { return nil }
        guard let components = normalise(unified.split(separator: "/", omittingEmptySubsequences: true)) else {
            return nil
        }
        return components.joined(separator: "/")
    }

    /// Removes `.` and resolves `..`; `nil` when `..` would climb above the root.
    static func normalise(_ components: some Sequence<Substring>) -> [Substring]? {
        var result: [Substring] = []
        for component in components {
            switch component {
            case ".": continue
            case "..":
                guard !result.isEmpty else { return nil }
                result.removeLast()
            default: result.append(component)
            }
        }
        return result
    }

    /// The folder of an entry (`Doc_0/Signs/Sign_0` for `Doc_0/Signs/Sign_0/Signature.xml`).
    static func folder(of entry: String) -> String {
        guard let slash = entry.lastIndex(of: "/") else { return "" }
        return String(entry[..<slash])
    }

    /// Joins a reference to a base folder, normalising; `nil` when it climbs out.
    static func join(_ base: String, _ reference: String) -> String? {
        let combined = base.isEmpty ? reference : base + "/" + reference
        guard let components = normalise(combined.split(separator: "/", omittingEmptySubsequences: true)) else {
            return nil
        }
        return components.joined(separator: "/")
    }

    /// The entry names a reference may mean, the standard's reading first.
    static func candidates(_ reference: String, from base: String) -> [(path: String, standard: Bool)] {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\\", with: "/")
        var result: [(String, Bool)] = []
        if trimmed.hasPrefix("/") {
            if let path = join("", String(trimmed.dropFirst())) { result.append((path, true)) }
            if let path = join(base, String(trimmed.dropFirst())) { result.append((path, false)) }
        } else {
            if let path = join(base, trimmed) { result.append((path, true)) }
            if let path = join("", trimmed) { result.append((path, false)) }
        }
        return result
    }
}
