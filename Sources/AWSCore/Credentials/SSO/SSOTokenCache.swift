import FoundationEssentials

/// An IAM Identity Center access token as the AWS CLI caches it, with the client registration that refreshes it.
public struct SSOToken: Codable, Equatable, Sendable, CustomStringConvertible {
    public var startUrl: String?
    public var region: String?
    public var accessToken: String
    /// When the access token expires, as the CLI writes it ("2026-12-03T12:00:00Z"; the CLI v1 wrote "…UTC").
    public var expiresAt: String
    public var clientId: String?
    public var clientSecret: String?
    public var registrationExpiresAt: String?
    public var refreshToken: String?

    public init(startUrl: String?, region: String?, accessToken: String, expiresAt: Date, clientId: String? = nil, clientSecret: String? = nil,
                registrationExpiresAt: String? = nil, refreshToken: String? = nil) {
        self.startUrl = startUrl
        self.region = region
        self.accessToken = accessToken
        self.expiresAt = SSOToken.format(expiresAt)
        self.clientId = clientId
        self.clientSecret = clientSecret
        self.registrationExpiresAt = registrationExpiresAt
        self.refreshToken = refreshToken
    }

    /// The access token's expiry, nil when the cache holds a time it cannot read.
    public var expiry: Date? { Self.parse(expiresAt) }

    /// Whether the cached registration can still refresh the token (botocore needs all four and an unexpired client).
    public func canRefresh(at now: Date) -> Bool {
        guard refreshToken != nil, clientId != nil, clientSecret != nil, let registration = registrationExpiresAt.flatMap(Self.parse) else { return false }
        return registration > now
    }

    public var description: String { "SSOToken(\(startUrl ?? "?"), expires \(expiresAt), token: <redacted>)" }

    /// Reads the cache's timestamps: ISO 8601 with "Z", an offset or the CLI v1's "UTC".
    static func parse(_ text: String) -> Date? {
        AWSDate.parse(text.hasSuffix("UTC") ? String(text.dropLast(3)) + "Z" : text)
    }

    /// Writes a timestamp as botocore does ("%Y-%m-%dT%H:%M:%SZ").
    static func format(_ date: Date) -> String { AWSDate.format(date) }
}

/// The AWS CLI's SSO token cache: `~/.aws/sso/cache/<sha1 of the session name or start URL>.json`, shared with
/// `aws sso login` so either signs in for both.
public struct SSOTokenCache: Sendable {
    public var directory: URL

    public init(directory: URL) { self.directory = directory }

    /// The cache under the environment's HOME.
    public init(environment: [String: String]) {
        let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        directory = URL(fileURLWithPath: home).appendingPathComponent(".aws/sso/cache")
    }

    /// The file the token for `key` lives in.
    public func file(for key: String) -> URL {
        let digest = Digest.hex(Digest.sha1(Data(key.utf8)))
        return directory.appendingPathComponent("\(digest).json")
    }

    /// The cached token for `key`; nil when there is none, an error naming the file when it cannot be read.
    public func load(_ key: String) throws -> SSOToken? {
        let url = file(for: key)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(SSOToken.self, from: data)
        } catch {
            throw CredentialError("the SSO token cache \(url.path) cannot be read (\(DecodingFailure.describe(error)))", signedOut: true)
        }
    }

    /// Stores `token` for `key` as the CLI does: the whole file replaced, readable by its owner only.
    public func save(_ token: SSOToken, for key: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try PrivateFile.write(try encoder.encode(token), to: file(for: key))
    }
}
