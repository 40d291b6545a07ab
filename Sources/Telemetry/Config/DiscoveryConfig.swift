import AWSCore
/// `[discovery]` in config.toml: watch every active account of the organization (Organizations ListAccounts, called
/// with the management account's credentials) through a role of the same name in each.
public struct DiscoveryConfig: Sendable, Equatable {
    public var roleName: String
    public var region: String
    public var externalId: String?
    /// Profile with the management account's credentials; nil follows the default chain.
    public var profile: String?
    public var endpointURL: String?

    public init(roleName: String, region: String, externalId: String? = nil, profile: String? = nil, endpointURL: String? = nil) {
        self.roleName = roleName
        self.region = region
        self.externalId = externalId
        self.profile = profile
        self.endpointURL = endpointURL
    }
}
