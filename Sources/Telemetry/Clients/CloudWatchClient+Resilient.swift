import FoundationEssentials
import AWSCore

/// What a GetMetricData read came to: the series, and the queries the service refused on their own.
public struct MetricResult: Sendable {
    public var series: [String: MetricSeries] = [:]
    /// Query id to why the service refused that query alone.
    public var refused: [String: AWSError] = [:]

    mutating func merge(_ other: MetricResult) {
        series.merge(other.series) { _, new in new }
        refused.merge(other.refused) { _, new in new }
    }
}

extension CloudWatchClient {
    /// Reads `queries` and, when a batch fails with an error one query may cause (a validation error, or a server
    /// error such as an emulator's on percentiles), splits it, percentile queries apart first (refused together if
    /// they fail together) and then in halves, so every other query's series is kept and the refused ones are named. When every query is refused the
    /// original error is thrown: the whole call fails, not one query.
    public func resilientMetricData(_ queries: [MetricQuery], start: Date, end: Date) async throws -> MetricResult {
        do {
            return try await split(queries, start: start, end: end)
        } catch let refusal as Refusal {
            throw refusal.error
        }
    }

    /// Thrown when every query of a read was refused.
    private struct Refusal: Error { var error: AWSError }

    private func split(_ queries: [MetricQuery], start: Date, end: Date) async throws -> MetricResult {
        do {
            return try await metricData(queries, start: start, end: end)
        } catch let error as AWSError where Self.mayComeFromOneQuery(error) {
            // Percentiles failing together are the endpoint refusing percentiles, not one bad query: no need to split them.
            guard queries.count > 1, !queries.allSatisfy(\.isPercentile) else { throw Refusal(error: error) }
            let percentiles = queries.filter(\.isPercentile)
            let halves = !percentiles.isEmpty && percentiles.count < queries.count
                ? [queries.filter { !$0.isPercentile }, percentiles]
                : [Array(queries[..<(queries.count / 2)]), Array(queries[(queries.count / 2)...])]
            var result = MetricResult()
            var refusals = 0
            for part in halves {
                do {
                    result.merge(try await split(part, start: start, end: end))
                } catch let refusal as Refusal {
                    refusals += 1
                    for query in part { result.refused[query.id] = refusal.error }
                }
            }
            if refusals == halves.count { throw Refusal(error: error) }
            return result
        }
    }

    /// Whether `error` may be one query's fault: a validation error or a server error, not throttling, access or
    /// credentials, which would fail every query alike.
    static func mayComeFromOneQuery(_ error: AWSError) -> Bool {
        if RetryPolicy.reason(for: error) == .throttling { return false }
        guard let status = error.status else { return false }
        if status >= 500 { return true }
        return status == 400 && ["ValidationError", "InvalidParameterValue", "InvalidParameterCombination", "InvalidParameterValueException", "ValidationException"].contains(error.code)
    }
}

extension MetricQuery {
    /// Whether the statistic is a percentile (p95, p99.9), which not every endpoint serves.
    var isPercentile: Bool { stat.hasPrefix("p") && Double(stat.dropFirst()) != nil }
}
