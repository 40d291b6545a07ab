import FoundationEssentials
import Logging

/// Something that supplies credentials, possibly fetching and refreshing them.
public protocol CredentialProvider: Sendable {
    /// Current credentials, fetching new ones when needed.
    func credentials() async throws -> Credentials
    /// Forgets cached credentials, e.g. after the service said they expired.
    func invalidate() async
    /// Where the credentials come from, as the screen names it ("env", "profile dev", "sso-session platform", …).
    var origin: String { get }
    /// When the credentials held now expire; nil for long-term keys or before the first fetch.
    func expiration() async -> Date?
}

/// Credentials that never change (environment variables, profile keys).
public struct StaticCredentialProvider: CredentialProvider {
    public var value: Credentials
    public var origin: String

    public init(_ value: Credentials, origin: String = "static keys") {
        self.value = value
        self.origin = origin
    }

    public func credentials() async throws -> Credentials { value }
    public func invalidate() async {}
    public func expiration() async -> Date? { value.expiration }
}

/// Caches what a fetch returns until five minutes before it expires; one fetch at a time.
public actor CachingCredentialProvider: CredentialProvider {
    private let fetch: @Sendable () async throws -> Credentials
    private let now: @Sendable () -> Date
    public nonisolated let origin: String
    private var cached: Credentials?
    private var inFlight: Task<Credentials, Error>?
    /// How many times the fetch has run (for tests and the API-call count).
    public private(set) var fetches = 0

    public init(origin: String = "temporary credentials", now: @escaping @Sendable () -> Date = Date.init, fetch: @escaping @Sendable () async throws -> Credentials) {
        self.origin = origin
        self.fetch = fetch
        self.now = now
    }

    public func credentials() async throws -> Credentials {
        if let cached, cached.expiration.map({ $0.timeIntervalSince(now()) > 300 }) ?? true { return cached }
        if let inFlight { return try await inFlight.value }
        let task = Task { try await fetch() }
        inFlight = task
        fetches += 1
        defer { inFlight = nil }
        let fresh = try await task.value
        OpsdeckLog.logger("credentials").info("credentials fetched", metadata: ["expires": "\(fresh.expiration.map(AWSDate.format) ?? "never")"])
        cached = fresh
        return fresh
    }

    public func invalidate() async { cached = nil }

    public func expiration() async -> Date? { cached?.expiration }
}
