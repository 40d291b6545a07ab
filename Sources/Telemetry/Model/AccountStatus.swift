import Foundation
import AWSCore

/// One watched environment (dev, staging, prod) and how its last poll went.
public struct AccountStatus: Codable, Equatable, Sendable {
    public var environment: String
    public var accountId: String
    public var region: String
    public var health: Health
    public var lastSuccess: Date?
    public var error: String?

    public init(environment: String, accountId: String, region: String, health: Health = .ok, lastSuccess: Date? = nil, error: String? = nil) {
        self.environment = environment
        self.accountId = accountId
        self.region = region
        self.health = health
        self.lastSuccess = lastSuccess
        self.error = error
    }

    /// Whether the data shown for this account is current.
    public enum Health: String, Codable, Sendable {
        case ok, stale, error
    }
}
