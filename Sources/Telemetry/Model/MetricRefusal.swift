import FoundationEssentials

/// One metric query CloudWatch refused on its own while the rest of its batch answered: which series, and why.
public struct MetricRefusal: Codable, Equatable, Sendable {
    public var environment: String
    public var namespace: String
    public var metric: String
    public var statistic: String
    /// The resource the query is for (its first dimension's value); empty when it stands for every resource alike.
    public var resource: String
    /// The service's code and message, or what the split found.
    public var reason: String
    /// The statistic read instead, when there is one (Maximum for a refused percentile).
    public var fallback: String?

    /// "Duration p95 of staging-csv-processor refused: InternalError …; showing Maximum".
    public var summary: String {
        let of = resource.isEmpty ? "" : " of \(resource)"
        return "\(metric) \(statistic)\(of) refused by this endpoint: \(reason)\(fallback.map { "; showing \($0)" } ?? "")"
    }
}
