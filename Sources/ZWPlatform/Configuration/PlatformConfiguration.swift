import Foundation
import ZhengwuKitCore

/// What a reference platform serves: its issuer, the clients (department systems) it knows,
/// the test users a person (or a test) may sign in as, and token lifetimes. Read from a JSON
/// file (`zwplatform serve --config FILE`) or built in (`--demo`).
public struct PlatformConfiguration: Sendable, Codable, Equatable {
    /// `iss` of every token and the base of every endpoint URL. `nil`: `http://127.0.0.1:<port>`.
    public var issuer: String?
    public var clients: [ClientRegistration]
    public var users: [TestUser]
    /// Departments a login may be exchanged into a session for (RFC 8693 `audience`); empty allows any.
    public var departments: [String]
    public var codeLifetime: TimeInterval
    public var accessTokenLifetime: TimeInterval
    public var refreshTokenLifetime: TimeInterval
    public var sessionLifetime: TimeInterval

    public init(
        issuer: String? = nil, clients: [ClientRegistration], users: [TestUser], departments: [String] = [],
        codeLifetime: TimeInterval = 60, accessTokenLifetime: TimeInterval = 600,
        refreshTokenLifetime: TimeInterval = 86_400, sessionLifetime: TimeInterval = 28_800
    ) {
        self.issuer = issuer
        self.clients = clients
        self.users = users
        self.departments = departments
        self.codeLifetime = codeLifetime
        self.accessTokenLifetime = accessTokenLifetime
        self.refreshTokenLifetime = refreshTokenLifetime
        self.sessionLifetime = sessionLifetime
    }

    private enum CodingKeys: String, CodingKey {
        case issuer, clients, users, departments, codeLifetime, accessTokenLifetime, refreshTokenLifetime
        case sessionLifetime
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        issuer = try container.decodeIfPresent(String.self, forKey: .issuer)
        clients = try container.decode([ClientRegistration].self, forKey: .clients)
        users = try container.decode([TestUser].self, forKey: .users)
        departments = try container.decodeIfPresent([String].self, forKey: .departments) ?? []
        codeLifetime = try container.decodeIfPresent(TimeInterval.self, forKey: .codeLifetime) ?? 60
        accessTokenLifetime = try container.decodeIfPresent(TimeInterval.self, forKey: .accessTokenLifetime) ?? 600
        refreshTokenLifetime =
            try container.decodeIfPresent(TimeInterval.self, forKey: .refreshTokenLifetime) ?? 86_400
        sessionLifetime = try container.decodeIfPresent(TimeInterval.self, forKey: .sessionLifetime) ?? 28_800
    }

    /// Reads a configuration file, checking every user's identifier against its standard.
    public init(contentsOf url: URL) throws(PlatformConfigurationError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        do {
            self = try JSONDecoder().decode(PlatformConfiguration.self, from: data)
        } catch {
            throw .malformed(path: url.path, reason: String(describing: error))
        }
        try validate()
    }

    /// Refuses users whose identity numbers fail their check and duplicate ids.
    public func validate() throws(PlatformConfigurationError) {
        var seen = Set<String>()
        for user in users {
            guard seen.insert(user.id).inserted else { throw .duplicate(kind: "user", id: user.id) }
            do {
                _ = try user.principal()
            } catch {
                throw .invalidUser(id: user.id, reason: String(describing: error))
            }
        }
        seen = []
        for client in clients {
            guard seen.insert(client.id).inserted else { throw .duplicate(kind: "client", id: client.id) }
        }
    }

    public func client(_ id: String) -> ClientRegistration? { clients.first { $0.id == id } }
    public func user(_ id: String) -> TestUser? { users.first { $0.id == id } }
}

public enum PlatformConfigurationError: ZhengwuKitError, Equatable {
    case unreadable(path: String, reason: String)
    case malformed(path: String, reason: String)
    case duplicate(kind: String, id: String)
    case invalidUser(id: String, reason: String)

    public var code: String {
        switch self {
        case .unreadable: return "platform.config_unreadable"
        case .malformed: return "platform.config_malformed"
        case .duplicate: return "platform.config_duplicate"
        case .invalidUser: return "platform.config_invalid_user"
        }
    }

    public var chineseTerm: String { "平台配置" }

    public var description: String { message }

    public var message: String {
        switch self {
        case .unreadable(let path, let reason): return "cannot read the configuration \(path): \(reason)"
        case .malformed(let path, let reason):
            return "the configuration \(path) is not a platform configuration: \(reason)"
        case .duplicate(let kind, let id): return "the configuration lists the \(kind) \"\(id)\" twice"
        case .invalidUser(let id, let reason): return "test user \"\(id)\": \(reason); fix the identifier"
        }
    }
}
