import AWSCore
/// `[aggregator]` in config.toml: read compliance for every account from one AWS Config aggregator, reached through
/// the credentials and region of `environment`, instead of calling Config in each account.
public struct AggregatorConfig: Codable, Sendable, Equatable {
    public var name: String
    public var environment: String
}
