/// Escaping for markup written by hand: OFD signature parts and licence layouts (small and fixed
/// in shape, so written as text rather than through a tree serialiser) and zwplatform's HTML
/// pages. One rule serves both, since `&apos;` is as valid in HTML5 as in XML.
package enum MarkupEscaping {
    /// Escapes text for an element's content or a quoted attribute value.
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
