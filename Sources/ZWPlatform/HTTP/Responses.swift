import Foundation
import HTTPTypes
import Hummingbird

/// Building answers: JSON (keys sorted, so answers are stable), HTML, redirects.
enum Responses {
    static func json(_ object: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return Response(
            status: status,
            headers: [
                .contentType: "application/json;charset=UTF-8", .cacheControl: "no-store",
                HTTPField.Name("Pragma")!: "no-cache",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: contentType, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok, cookie: String? = nil) -> Response {
        var response = text(html, contentType: "text/html;charset=UTF-8", status: status)
        if let cookie { response.headers[.setCookie] = cookie }
        // The login page must not be framed by another site (clickjacking).
        response.headers[.init("X-Frame-Options")!] = "DENY"
        return response
    }

    static func redirect(to location: String, cookie: String? = nil) -> Response {
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
        if let cookie { headers[.setCookie] = cookie }
        return Response(status: .found, headers: headers)
    }

    static func oauthError(_ error: OAuthError) -> Response {
        var response = json(["error": error.error, "error_description": error.errorDescription], status: error.status)
        if error.status == .unauthorized {
            let scheme = error.error == "invalid_token" ? "Bearer" : "Basic"
            response.headers[.wwwAuthenticate] = "\(scheme) error=\"\(error.error)\""
        }
        return response
    }
}

extension Request {
    /// The query string's parameters (duplicates refused).
    func queryForm() throws(OAuthError) -> [String: String] { try FormCoding.parse(uri.query ?? "") }

    /// The form body's parameters (duplicates refused), at most 64 KiB.
    func bodyForm() async throws -> [String: String] {
        if let type = headers[.contentType], !type.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            throw OAuthError.invalidRequest("the body must be application/x-www-form-urlencoded")
        }
        let buffer = try await body.collect(upTo: 65_536)
        return try FormCoding.parse(String(buffer: buffer))
    }

    var bearerToken: String? {
        guard let value = headers[.authorization], value.lowercased().hasPrefix("bearer ") else { return nil }
        return String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }

    func cookie(_ name: String) -> String? {
        guard let header = headers[.cookie] else { return nil }
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0] == name { return String(pair[1]) }
        }
        return nil
    }
}
