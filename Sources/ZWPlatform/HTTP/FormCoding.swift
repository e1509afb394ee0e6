import Foundation

/// `application/x-www-form-urlencoded` and query strings. A parameter given twice is refused
/// (RFC 6749 §3.1: "parameters MUST NOT be included more than once"), so no two parts of
/// the platform can read different values of one request.
package enum FormCoding {
    package static func parse(_ text: String) throws(OAuthError) -> [String: String] {
        var result: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = percentDecode(String(parts[0])),
                let value = percentDecode(parts.count > 1 ? String(parts[1]) : "")
            else { throw .invalidRequest("a parameter is not valid percent-encoding") }
            guard result.updateValue(value, forKey: name) == nil else {
                throw .invalidRequest("the parameter \(name) is given more than once")
            }
        }
        return result
    }

    package static func percentDecode(_ text: String) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    package static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let ascii = CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127))
        return value.addingPercentEncoding(withAllowedCharacters: allowed.intersection(ascii)) ?? ""
    }

    package static func encode(_ parameters: [(String, String)]) -> String {
        parameters.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }

    /// `uri` with `parameters` appended to its query.
    package static func appending(_ parameters: [(String, String)], to uri: String) -> String {
        let separator = uri.contains("?") ? "&" : "?"
        return uri + separator + encode(parameters)
    }
}
