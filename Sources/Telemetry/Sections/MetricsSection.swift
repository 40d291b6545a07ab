import AWSCore
import FoundationEssentials
import Logging

/// CloudWatch GetMetricData for Lambda, DynamoDB and replication, in this account or for every account from the
/// monitoring account.
extension PollSection {
    static let metrics = PollSection(id: .metrics) { poller, now in try await poller.metrics(now: now) }
}

extension EnvironmentPoller {
    fileprivate func metrics(now: Date) async throws -> Snapshot {
        let end = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 60).rounded(.down) * 60)
        let (start, _) = MetricPlan(environment, windowMinutes: windowMinutes).range(end: end, historyMinutes: historyMinutes)
        let plans: [MetricPlan]
        if let monitoring {
            guard monitoring.here else { return Snapshot() }
            plans = monitoring.environments.map { MetricPlan($0, durationStat: metricMemory.durationStat, windowMinutes: windowMinutes) }
        } else {
            plans = [MetricPlan(environment, durationStat: metricMemory.durationStat, windowMinutes: windowMinutes)]
        }
        // One batched read for every plan: from a monitoring account, ids prefixed per environment and each query naming
        // its source account (a single plan keeps its ids, so earlier recordings replay).
        let prefixes = plans.indices.map { monitoring == nil ? "" : "e\($0)_" }
        let queries = plans.enumerated().flatMap { index, plan in
            plan.queries.map { query in
                var shared = query
                shared.id = prefixes[index] + query.id
                if monitoring != nil { shared.accountId = plan.environment.accountId }
                return shared
            }
        }
        guard !queries.isEmpty else { return Snapshot() }
        let (all, refused) = try await read(queries, start: start, end: end)
        var rows = Snapshot()
        for (index, var plan) in plans.enumerated() {
            plan.durationStat = metricMemory.durationStat
            let prefix = prefixes[index]
            let series = Dictionary(uniqueKeysWithValues: all.filter { $0.key.hasPrefix(prefix) }.map { (String($0.key.dropFirst(prefix.count)), $0.value) })
            rows.lambdas += plan.lambdas(series, end: end)
            rows.tables += plan.tables(series)
            rows.replication += plan.replication(series)
            let name = plan.environment.name
            rows.metricRefusals += refused.filter { $0.query.id.hasPrefix(prefix) }.map { query, error in
                MetricRefusal(environment: name, namespace: query.namespace, metric: query.metric, statistic: query.stat,
                              resource: query.dimensions.first?.value ?? "", reason: "\(error.code): \(error.message)".visible)
            }
            if let reason = metricMemory.percentileRefusal, !plan.environment.watch.functions.isEmpty {
                rows.metricRefusals.append(MetricRefusal(environment: name, namespace: "AWS/Lambda", metric: "Duration", statistic: "p95", resource: "",
                                                         reason: reason, fallback: "Maximum"))
            }
        }
        return rows
    }

    /// Reads `queries`, keeping every series a refused query does not spoil; refused percentiles are read again as
    /// Maximum, and remembered so later polls ask for Maximum at once. Returns the series and the queries refused
    /// for good (a percentile read as Maximum is not among them).
    private func read(_ queries: [MetricQuery], start: Date, end: Date) async throws -> (series: [String: MetricSeries], refused: [(query: MetricQuery, error: AWSError)]) {
        let client = CloudWatchClient(source)
        let result = try await client.resilientMetricData(queries, start: start, end: end)
        var series = result.series
        let log = OpsdeckLog.logger("metrics")
        for (id, error) in result.refused.sorted(by: { $0.key < $1.key }) { log.warning("\(environment.name) GetMetricData refused query \(id): \(error)") }
        let percentiles = queries.filter { $0.isPercentile && result.refused[$0.id] != nil }
        var refused = queries.filter { !$0.isPercentile }.compactMap { query in result.refused[query.id].map { (query, $0) } }
        guard let first = percentiles.first, let error = result.refused[first.id] else { return (series, refused) }
        metricMemory.refusePercentiles(because: "\(error.code)\(error.status.map { " (HTTP \($0))" } ?? "")")
        let fallback = percentiles.map { query in
            var maximum = query
            maximum.stat = "Maximum"
            return maximum
        }
        let second = try await client.resilientMetricData(fallback, start: start, end: end)
        series.merge(second.series) { _, new in new }
        refused += fallback.compactMap { query in second.refused[query.id].map { (query, $0) } }
        return (series, refused)
    }
}

/// What an environment's CloudWatch endpoint refused, remembered across polls so it is asked once.
final class MetricMemory: @unchecked Sendable {
    private let lock = Lock()
    private var refusal: String?

    /// The statistic Lambda durations are asked with: p95, or Maximum once the endpoint refused percentiles.
    var durationStat: String { percentileRefusal == nil ? "p95" : "Maximum" }

    /// Why the endpoint refused percentiles, once it has.
    var percentileRefusal: String? { lock.withLock { refusal } }

    /// Remembers that percentiles are refused, and why.
    func refusePercentiles(because reason: String) { lock.withLock { refusal = refusal ?? reason } }
}
