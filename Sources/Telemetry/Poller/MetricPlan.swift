import FoundationEssentials
import AWSCore

/// The CloudWatch metric queries behind an environment's Lambda, DynamoDB and replication rows, and how their series
/// become those rows. Lambda numbers are over the last `windowMinutes`; DynamoDB and replication numbers are the
/// newest one-minute datapoint, capacity per second.
public struct MetricPlan: Sendable {
    public var environment: EnvironmentConfig
    public var queries: [MetricQuery] = []
    /// The statistic Lambda durations are read with: p95, or Maximum where the endpoint refuses percentiles.
    public var durationStat: String
    /// Minutes the Lambda numbers cover: invocations, errors and throttles are summed over them, and the duration
    /// statistic is asked for with that period.
    public var windowMinutes: Int

    public init(_ environment: EnvironmentConfig, durationStat: String = "p95", windowMinutes: Int = MetricWindow.defaultMinutes) {
        self.environment = environment
        self.durationStat = durationStat
        self.windowMinutes = windowMinutes
        let watch = environment.watch
        for (i, function) in watch.functions.enumerated() {
            let dims = [(name: "FunctionName", value: function)]
            queries += [("inv", "Invocations", "Sum", 60), ("err", "Errors", "Sum", 60), ("thr", "Throttles", "Sum", 60), ("p95", "Duration", durationStat, windowMinutes * 60)].map {
                MetricQuery(id: "l\(i)_\($0.0)", namespace: "AWS/Lambda", metric: $0.1, dimensions: dims, stat: $0.2, period: $0.3)
            }
        }
        for (i, table) in watch.tables.enumerated() {
            let dims = [(name: "TableName", value: table)]
            queries += [("rcu", "ConsumedReadCapacityUnits", "Sum"), ("wcu", "ConsumedWriteCapacityUnits", "Sum"),
                        ("prcu", "ProvisionedReadCapacityUnits", "Average"), ("pwcu", "ProvisionedWriteCapacityUnits", "Average"),
                        ("rthr", "ReadThrottleEvents", "Sum"), ("wthr", "WriteThrottleEvents", "Sum")].map {
                MetricQuery(id: "t\(i)_\($0.0)", namespace: "AWS/DynamoDB", metric: $0.1, dimensions: dims, stat: $0.2)
            }
        }
        for (i, rule) in watch.bucketReplication.enumerated() {
            let dims = [(name: "SourceBucket", value: rule.bucket), (name: "DestinationBucket", value: rule.destinationBucket), (name: "RuleId", value: rule.rule)]
            queries += [
                MetricQuery(id: "s\(i)_lat", namespace: "AWS/S3", metric: "ReplicationLatency", dimensions: dims, stat: "Maximum"),
                MetricQuery(id: "s\(i)_pend", namespace: "AWS/S3", metric: "OperationsPendingReplication", dimensions: dims, stat: "Maximum"),
            ]
        }
        for (i, replica) in watch.tableReplicas.enumerated() {
            let dims = [(name: "TableName", value: replica.table), (name: "ReceivingRegion", value: replica.receivingRegion)]
            queries.append(MetricQuery(id: "r\(i)_lat", namespace: "AWS/DynamoDB", metric: "ReplicationLatency", dimensions: dims, stat: "Average"))
        }
    }

    /// The time range one read covers: `historyMinutes` back from `end`, widened to a whole number of windows so the
    /// last window-long period of the duration query is exactly the window before `end` (CloudWatch lays periods out
    /// from the start time).
    public func range(end: Date, historyMinutes: Int) -> (start: Date, end: Date) {
        let windows = (max(historyMinutes, windowMinutes) + windowMinutes - 1) / windowMinutes
        return (end.addingTimeInterval(-Double(windows * windowMinutes * 60)), end)
    }

    /// Lambda rows from fetched series read up to `end`: counts summed over the window, the duration statistic of the
    /// window's period; nil where the window holds no datapoint.
    public func lambdas(_ series: [String: MetricSeries], end: Date) -> [LambdaMetrics] {
        let since = end.timeIntervalSince1970 - Double(windowMinutes * 60)
        return environment.watch.functions.enumerated().map { i, function in
            let errors = series["l\(i)_err"] ?? MetricSeries()
            return LambdaMetrics(
                environment: environment.name, function: function, invocations: series["l\(i)_inv"]?.sum(since: since),
                errors: errors.sum(since: since), throttles: series["l\(i)_thr"]?.sum(since: since),
                durationP95Ms: series["l\(i)_p95"]?.latest(since: since), errorHistory: errors.values,
                durationStatistic: durationStat == "p95" ? nil : durationStat, windowMinutes: windowMinutes)
        }
    }

    /// DynamoDB rows from fetched series (Sum per minute turned into units per second).
    public func tables(_ series: [String: MetricSeries]) -> [TableThroughput] {
        environment.watch.tables.enumerated().map { i, table in
            let wcu = series["t\(i)_wcu"] ?? MetricSeries()
            return TableThroughput(
                environment: environment.name, table: table, consumedRCU: ((series["t\(i)_rcu"]?.latest ?? 0) / 60).rounded(),
                consumedWCU: ((wcu.latest ?? 0) / 60).rounded(), provisionedRCU: series["t\(i)_prcu"]?.latest,
                provisionedWCU: series["t\(i)_pwcu"]?.latest, readThrottles: series["t\(i)_rthr"]?.latest ?? 0,
                writeThrottles: series["t\(i)_wthr"]?.latest ?? 0, wcuHistory: wcu.values.map { $0 / 60 })
        }
    }

    /// Replication rows from fetched series (S3 latency and pending operations, DynamoDB replica latency in seconds).
    public func replication(_ series: [String: MetricSeries]) -> [ReplicationLag] {
        let s3 = environment.watch.bucketReplication.enumerated().map { i, rule in
            let latency = series["s\(i)_lat"] ?? MetricSeries()
            return ReplicationLag(
                kind: .s3, resource: rule.bucket, source: environment.name, destination: rule.destination.isEmpty ? rule.destinationBucket : rule.destination,
                latestSeconds: latency.latest ?? 0, thresholdSeconds: rule.thresholdSeconds, pendingOperations: series["s\(i)_pend"]?.latest, history: latency.values)
        }
        let dynamo = environment.watch.tableReplicas.enumerated().map { i, replica in
            let latency = series["r\(i)_lat"] ?? MetricSeries()
            return ReplicationLag(
                kind: .dynamodb, resource: replica.table, source: "\(environment.name) \(environment.region)", destination: replica.receivingRegion,
                latestSeconds: (latency.latest ?? 0) / 1000, thresholdSeconds: replica.thresholdSeconds, history: latency.values.map { $0 / 1000 })
        }
        return s3 + dynamo
    }
}
