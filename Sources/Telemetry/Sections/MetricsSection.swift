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
            let plan = MetricPlan(environment)
            guard !plan.queries.isEmpty else { return ([], [], []) }
            let series = try await CloudWatchClient(source).metricData(plan.queries, start: start, end: end)
            return (plan.lambdas(series), plan.tables(series), plan.replication(series))
        }
        guard monitoring.here else { return ([], [], []) }
        // One batched read for every environment: ids prefixed per environment, each query naming its source account.
        let plans = monitoring.environments.map(MetricPlan.init)
        let queries = plans.enumerated().flatMap { index, plan in
            plan.queries.map { query in
                var shared = query
                shared.id = "e\(index)_\(query.id)"
                shared.accountId = plan.environment.accountId
                return shared
            }
        }
        guard !queries.isEmpty else { return ([], [], []) }
        let all = try await CloudWatchClient(source).metricData(queries, start: start, end: end)
        var rows: (lambdas: [LambdaMetrics], tables: [TableThroughput], replication: [ReplicationLag]) = ([], [], [])
        for (index, plan) in plans.enumerated() {
            let prefix = "e\(index)_"
            let series = Dictionary(uniqueKeysWithValues: all.filter { $0.key.hasPrefix(prefix) }.map { (String($0.key.dropFirst(prefix.count)), $0.value) })
            rows.lambdas += plan.lambdas(series)
            rows.tables += plan.tables(series)
            rows.replication += plan.replication(series)
        }
        return rows
    }
}
