/// Escaping for XML written by hand (OFD signature parts are small and fixed in shape,
/// so they are written as text rather than through a tree serialiser).
package enum XMLEscaping {
    /// Escapes text for an element's content or a double-quoted attribute value.
    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
