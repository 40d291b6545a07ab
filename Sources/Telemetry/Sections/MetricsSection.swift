import AWSCore
import Foundation

/// CloudWatch GetMetricData for Lambda, DynamoDB and replication, in this account or for every account from the
/// monitoring account.
extension PollSection {
    static let metrics = PollSection(id: .metrics) { poller, now in
        let rows = try await poller.metrics(now: now)
        return Snapshot(replication: rows.replication, lambdas: rows.lambdas, tables: rows.tables)
    }
}

extension EnvironmentPoller {
    fileprivate func metrics(now: Date) async throws -> (lambdas: [LambdaMetrics], tables: [TableThroughput], replication: [ReplicationLag]) {
        let end = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 60).rounded(.down) * 60)
        let start = end.addingTimeInterval(-Double(historyMinutes) * 60)
        guard let monitoring else {
            var plan = MetricPlan(environment, durationStat: metricMemory.durationStat)
            guard !plan.queries.isEmpty else { return ([], [], []) }
            let series = try await read(plan.queries, start: start, end: end)
            plan.durationStat = metricMemory.durationStat
            return (plan.lambdas(series, end: end), plan.tables(series), plan.replication(series))
        }
        guard monitoring.here else { return ([], [], []) }
        // One batched read for every environment: ids prefixed per environment, each query naming its source account.
        var plans = monitoring.environments.map { MetricPlan($0, durationStat: metricMemory.durationStat) }
        let queries = plans.enumerated().flatMap { index, plan in
            plan.queries.map { query in
                var shared = query
                shared.id = "e\(index)_\(query.id)"
                shared.accountId = plan.environment.accountId
                return shared
            }
        }
        guard !queries.isEmpty else { return ([], [], []) }
        let all = try await read(queries, start: start, end: end)
        for index in plans.indices { plans[index].durationStat = metricMemory.durationStat }
        var rows: (lambdas: [LambdaMetrics], tables: [TableThroughput], replication: [ReplicationLag]) = ([], [], [])
        for (index, plan) in plans.enumerated() {
            let prefix = "e\(index)_"
            let series = Dictionary(uniqueKeysWithValues: all.filter { $0.key.hasPrefix(prefix) }.map { (String($0.key.dropFirst(prefix.count)), $0.value) })
            rows.lambdas += plan.lambdas(series, end: end)
            rows.tables += plan.tables(series)
            rows.replication += plan.replication(series)
        }
        return rows
    }

    /// Reads `queries`, keeping every series a refused query does not spoil; refused percentiles are read again as
    /// Maximum, and remembered so later polls ask for Maximum at once.
    private func read(_ queries: [MetricQuery], start: Date, end: Date) async throws -> [String: MetricSeries] {
        let client = CloudWatchClient(source)
        let result = try await client.resilientMetricData(queries, start: start, end: end)
        var series = result.series
        let log = OpsdeckLog.logger("metrics")
        for (id, error) in result.refused.sorted(by: { $0.key < $1.key }) { log.warning("\(environment.name) GetMetricData refused query \(id): \(error)") }
        let percentiles = queries.filter { $0.isPercentile && result.refused[$0.id] != nil }
        guard !percentiles.isEmpty else { return series }
        metricMemory.refusePercentiles()
        let fallback = percentiles.map { query in
            var maximum = query
            maximum.stat = "Maximum"
            return maximum
        }
        series.merge(try await client.resilientMetricData(fallback, start: start, end: end).series) { _, new in new }
        return series
    }
}

/// What an environment's CloudWatch endpoint refused, remembered across polls so it is asked once.
final class MetricMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var refused = false

    /// The statistic Lambda durations are asked with: p95, or Maximum once the endpoint refused percentiles.
    var durationStat: String { lock.withLock { refused } ? "Maximum" : "p95" }

    /// Remembers that percentiles are refused.
    func refusePercentiles() { lock.withLock { refused = true } }
}
