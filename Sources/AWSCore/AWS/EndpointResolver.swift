import FoundationEssentials

/// Chooses the URL for a service in a region: AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, then an override from
/// opsdeck's config, then the regional AWS endpoint (STS included, as current SDKs do).
public struct EndpointResolver: Sendable, Equatable {
    public var environment: [String: String]
    public var configured: String?

    public init(environment: [String: String], configured: String? = nil) {
        self.environment = environment
        self.configured = configured
    }

    /// The base URL for `service` in `region`.
    public func url(for service: AWSService, region: String) throws -> URL {
        let candidates = [environment["AWS_ENDPOINT_URL_\(service.environmentKey)"], environment["AWS_ENDPOINT_URL"], configured]
        if let text = candidates.compactMap({ $0 }).first(where: { !$0.isEmpty }) {
            guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw AWSError.configuration("endpoint URL '\(text)' is not an http(s) URL")
            }
            return url
        }
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        guard let url = URL(string: "https://\(service.endpointPrefix).\(region).\(suffix)") else {
            throw AWSError.configuration("region '\(region)' does not make a valid endpoint")
        }
        return url
    }
}
