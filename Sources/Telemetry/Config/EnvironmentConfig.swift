/// One environment (an account in a region) and how to reach it.
public struct EnvironmentConfig: Sendable, Equatable {
    public var name: String
    public var accountId: String
    public var region: String
    /// Role to assume in the account; nil uses the source credentials directly.
    public var roleArn: String?
    public var externalId: String?
    /// AWS profile for the source credentials; nil follows the default chain.
    public var profile: String?
    /// Endpoint override for every service (e.g. an emulator), below AWS_ENDPOINT_URL* in precedence.
    public var endpointURL: String?
    public var watch: WatchList

    public init(name: String, accountId: String, region: String, roleArn: String? = nil, externalId: String? = nil, profile: String? = nil, endpointURL: String? = nil, watch: WatchList = WatchList()) {
        self.name = name
        self.accountId = accountId
        self.region = region
        self.roleArn = roleArn
        self.externalId = externalId
        self.profile = profile
        self.endpointURL = endpointURL
        self.watch = watch
    }
}
