import Foundation

/// The login's HTTP exchanges over its transport: forms, headers, the configured timeout,
/// and JSON answers.
struct LoginHTTP: Sendable {
    let transport: any LoginTransport
    let timeout: Duration

    func send(
        _ url: URL, method: String, form: [(String, String)]? = nil, headers: [(String, String)] = [], endpoint: String
    ) async throws(LoginError) -> LoginHTTPResponse {
        var allHeaders: [(name: String, value: String)] = [("Accept", "application/json")]
        for (name, value) in headers { allHeaders.append((name, value)) }
        var body: Data?
        if let form {
            allHeaders.append(("Content-Type", "application/x-www-form-urlencoded"))
            body = Data(FormEncoding.encode(form).utf8)
        }
        return try await transport.send(
            LoginHTTPRequest(
                url: url, method: method == "POST" ? "POST" : "GET", headers: allHeaders, body: body,
                endpoint: endpoint, timeout: timeout))
    }

    /// A JSON object answer.
    func json(
        _ url: URL, method: String, form: [(String, String)]? = nil, headers: [(String, String)] = [], endpoint: String
    ) async throws(LoginError) -> (status: Int, object: [String: Any]) {
        let answer = try await send(url, method: method, form: form, headers: headers, endpoint: endpoint)
        guard let object = try? JSONSerialization.jsonObject(with: answer.body) as? [String: Any] else {
            if !(200..<300).contains(answer.status) {
                throw .transport(endpoint: endpoint, reason: "HTTP status \(answer.status)")
            }
            throw .malformedAnswer(endpoint: endpoint, reason: "not a JSON object")
        }
        return (answer.status, object)
    }
}

enum FormEncoding {
    static func encode(_ value: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    static func encode(_ parameters: [(String, String)]) -> String {
        parameters.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }

    static func url(_ base: URL, path: String, query: [(String, String)]) throws(LoginError) -> URL {
        var text = base.absoluteString
        if text.hasSuffix("/") { text.removeLast() }
        if path.hasPrefix("http://") || path.hasPrefix("https://") { text = path } else { text += path }
        if !query.isEmpty { text += (text.contains("?") ? "&" : "?") + encode(query) }
        guard let url = URL(string: text) else { throw .invalidConfiguration("cannot form a URL from \(text)") }
        return url
    }
}
