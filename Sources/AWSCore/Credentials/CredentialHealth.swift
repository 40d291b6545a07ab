import FoundationEssentials

/// Where an account's credentials come from and when they expire, as the status bar and the account's detail show it.
public struct CredentialHealth: Codable, Equatable, Sendable {
    /// "env", "profile dev", "sso-session platform PlatformOperator", "assumed role OpsdeckReadOnly via env", …
    public var origin: String
    /// When the credentials in use expire; nil for long-term keys.
    public var expiration: Date?

    public init(origin: String, expiration: Date?) {
        self.origin = origin
        self.expiration = expiration
    }

    /// How long before expiry the screen warns.
    public static let warningWindow: Double = 600

    /// "expires in 8m", "expired 2m ago", or nil while more than ten minutes are left (or nothing expires).
    public func warning(at now: Date) -> String? {
        guard let expiration else { return nil }
        let left = expiration.timeIntervalSince(now)
        if left <= 0 { return "credentials expired" }
        return left < Self.warningWindow ? "credentials expire in \(Int(left / 60) + 1)m" : nil
    }
}
