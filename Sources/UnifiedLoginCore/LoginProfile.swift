import Foundation

/// How one platform speaks: endpoint paths, parameters, methods, and how its answer maps to
/// a principal. Data, not code: another province's platform is a new JSON file
/// (`LoginProfile(contentsOf:)`), not a change to this library.
///
/// Parameter values are literals or `{placeholders}`: `client_id`, `client_secret`,
/// `redirect_uri`, `state`, `nonce`, `code`, `access_token`, `ticket`. A parameter named with
/// a trailing `?` is left out when its placeholder has no value.
public struct LoginProfile: Sendable, Codable, Equatable {
    public enum ProtocolKind: String, Sendable, Codable {
        /// OpenID Connect: discovery, PKCE, nonce, signed ID token.
        case oidc
        /// A plain OAuth 2.0 code flow with platform-specific shapes and a user-information call.
        case oauth2
        /// CAS service tickets.
        case cas
    }

    public struct Endpoint: Sendable, Codable, Equatable {
        public var path: String
        /// `GET` or `POST` (a POST sends the parameters as a form).
        public var method: String
        public var parameters: [[String]]

        public init(path: String, method: String = "GET", parameters: [[String]]) {
            self.path = path
            self.method = method
            self.parameters = parameters
        }
    }

    /// Where the answer's status and payload are, for platforms that wrap them.
    public struct AnswerShape: Sendable, Codable, Equatable {
        public var errorCodeField: String
        public var successCode: Int
        public var errorMessageField: String?
        public var objectField: String
    }

    public struct PrincipalMapping: Sendable, Codable, Equatable {
        public enum Source: String, Sendable, Codable { case idToken, userInfo, casAttributes }
        public struct KindRule: Sendable, Codable, Equatable {
            public var field: String
            public var naturalPerson: [String]
            public var legalPerson: [String]
        }

        public var source: Source
        public var userID: String?
        public var name: String?
        public var kind: KindRule
        public var naturalPersonIdentifier: String
        public var legalPersonIdentifier: String
        /// A field holding `L1`…`L4` or `1`…`4`.
        public var assuranceLevel: String?
        /// A field holding a list of RFC 8176 method names.
        public var authenticationMethods: String?
    }

    public var name: String
    public var `protocol`: ProtocolKind
    public var description: String?
    public var authorize: Endpoint?
    public var token: Endpoint?
    public var userInfo: Endpoint?
    public var validate: Endpoint?
    public var answer: AnswerShape?
    public var principal: PrincipalMapping

    /// Reads a profile file.
    public init(contentsOf url: URL) throws(LoginError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .invalidProfile(name: url.lastPathComponent, reason: "cannot read it: \(error.localizedDescription)")
        }
        try self.init(json: data, name: url.lastPathComponent)
    }

    public init(json: Data, name: String = "profile") throws(LoginError) {
        do {
            self = try JSONDecoder().decode(LoginProfile.self, from: json)
        } catch let error as DecodingError {
            throw .invalidProfile(name: name, reason: Self.reason(error))
        } catch {
            throw .invalidProfile(name: name, reason: "not a profile")
        }
        try check()
    }

    /// Where and what, in words (a `DecodingError`'s own description is for programmers).
    static func reason(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            return keys.isEmpty ? "the top level" : String(keys.drop { $0 == "." })
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty: return "not JSON"
        case .dataCorrupted(let context): return "the value at \(path(context)) is not valid"
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "\(key.stringValue) is missing" + (context.codingPath.isEmpty ? "" : " in \(parent)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "the value at \(path(context)) has the wrong type"
        @unknown default: return "not a profile"
        }
    }

    /// The endpoints each protocol needs are present.
    func check() throws(LoginError) {
        switch self.protocol {
        case .oidc: break
        case .oauth2:
            guard authorize != nil, token != nil, userInfo != nil else {
                throw .invalidProfile(
                    name: name, reason: "an oauth2 profile needs authorize, token and userInfo endpoints")
            }
        case .cas:
            guard authorize != nil, validate != nil else {
                throw .invalidProfile(name: name, reason: "a cas profile needs authorize and validate endpoints")
            }
        }
    }

    /// The profiles shipped with the library: `oidc`, `guangdong`, `guangdong-pscp`, `cas`.
    public static func builtIn(_ name: String) throws(LoginError) -> LoginProfile {
        guard
            let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Profiles")
                ?? Bundle.module.url(forResource: name, withExtension: "json")
        else {
            throw .invalidProfile(
                name: name, reason: "no built-in profile; use one of \(builtInNames.joined(separator: ", "))")
        }
        return try LoginProfile(contentsOf: url)
    }

    public static let builtInNames = ["oidc", "guangdong", "guangdong-pscp", "cas"]
}
