import Foundation
import AWSCore

/// Polls one environment: every section's calls run concurrently and fail independently.
public struct EnvironmentPoller: Sendable {
    public var environment: EnvironmentConfig
    public var source: any ExchangeSource
    /// Minutes of metric history; flow logs are read for the last five minutes of it.
    public var historyMinutes: Int
    /// Whether to check the credentials' account against the configured one (first poll only).
    public var checkIdentity: Bool
    /// When compliance comes from an aggregator: its name, whether this environment holds it, and environment names by account.
    public var aggregator: (name: String, here: Bool, names: [String: String])?
    /// When metrics come from a monitoring account: whether this environment is it, and every environment it reads for.
    public var monitoring: (here: Bool, environments: [EnvironmentConfig])?

    public init(environment: EnvironmentConfig, source: any ExchangeSource, historyMinutes: Int = 30, checkIdentity: Bool = true) {
        self.environment = environment
        self.source = source
        self.historyMinutes = historyMinutes
        self.checkIdentity = checkIdentity
    }

    /// One poll at `now`.
    public func poll(now: Date) async -> EnvironmentData {
        var data = EnvironmentData()
        if checkIdentity {
            do {
                let identity = try await STSClient(source).callerIdentity()
                guard identity.account == environment.accountId else {
                    data.fail(.identity, "credentials are for account \(identity.account) (\(identity.arn)), but config.toml says \(environment.accountId)")
                    return data
                }
            } catch {
                data.fail(.identity, "\(error)")
                return data
            }
        }
        async let stacks = attempt(.stacks) { try await self.stacks() }
        async let metrics = attempt(.metrics) { try await self.metrics(now: now) }
        async let alarms = attempt(.alarms) { try await CloudWatchClient(self.source).alarms(environment: self.environment.name).filter { self.environment.watch.watches(alarm: $0.name) } }
        async let findings = attempt(.compliance) { try await self.findings() }
        async let flows = attempt(.network) { try await self.network(now: now) }
        let results = await (stacks, metrics, alarms, findings, flows)
        data.stacks = results.0.value
        data.lambdas = results.1.value?.lambdas
        data.tables = results.1.value?.tables
        data.replication = results.1.value?.replication
        data.alarms = results.2.value
        data.findings = results.3.value
        data.flows = results.4.value
        data.errors = [results.0.error, results.1.error, results.2.error, results.3.error, results.4.error].compactMap { $0 }
        return data
    }

    /// A section's value, or the line describing why it failed.
    struct Outcome<Value: Sendable>: Sendable {
        var value: Value?
        var error: String?
    }

    private func attempt<Value: Sendable>(_ section: EnvironmentData.Section, _ body: @Sendable () async throws -> Value) async -> Outcome<Value> {
        do {
            return Outcome(value: try await body())
        } catch {
            return Outcome(error: "\(section.rawValue): \(error)")
        }
    }

    private func stacks() async throws -> [StackSummary] {
        let client = CloudFormationClient(source)
        let watch = environment.watch
        var stacks = try await client.stacks(environment: environment.name).filter { watch.watches(stack: $0.name) && $0.status != "DELETE_COMPLETE" }
        if watch.stackSets {
            stacks += try await client.stackSets(environment: environment.name, account: environment.accountId).filter { watch.watches(stack: $0.name) }
        }
        return stacks
    }

    private func metrics(now: Date) async throws -> (lambdas: [LambdaMetrics], tables: [TableThroughput], replication: [ReplicationLag]) {
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

    private func findings() async throws -> [ComplianceFinding] {
        if let aggregator {
            guard aggregator.here else { return [] }
            return try await ConfigServiceClient(source).aggregateFindings(aggregator: aggregator.name, names: aggregator.names)
        }
        let rules = environment.watch.rules
        if rules?.isEmpty == true { return [] }
        let client = ConfigServiceClient(source)
        var findings: [ComplianceFinding] = []
        for rule in try await client.nonCompliantRules(rules) {
            findings += try await client.findings(rule: rule, environment: environment.name)
        }
        return findings
    }

    private func network(now: Date) async throws -> FlowTraffic {
        let ec2 = EC2Client(source)
        let peerings = try await ec2.peerings(environment: environment.name)
        var groups = environment.watch.logGroups.map { (group: $0, format: FlowLogFormat.standard) }
        if environment.watch.discoverFlowLogs {
            for flowLog in try await ec2.flowLogs() where !groups.contains(where: { $0.group == flowLog.logGroup }) {
                groups.append((flowLog.logGroup, FlowLogFormat(logFormat: flowLog.format)))
            }
        }
        let window = 5.0 * 60
        var aggregator = FlowAggregator(environment: environment.name, windowStart: now.timeIntervalSince1970 - window, bucketSeconds: 30, buckets: 10)
        let logs = LogsClient(source)
        for (group, format) in groups {
            for message in try await logs.events(group: group, start: now.addingTimeInterval(-window), end: now) {
                if let record = FlowLogRecord(line: Substring(message), format: format) { aggregator.add(record) }
            }
        }
        var traffic = aggregator.traffic
        traffic.peerings = peerings
        return traffic
    }
}
