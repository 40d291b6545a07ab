import FoundationEssentials
import AWSCore

/// The charts a detail view draws for a resource, each line one GetMetricData query; every chart of a resource is
/// fetched in one call.
public struct ChartPlan: Sendable {
    /// One line: its label, its query, and the factor its values are multiplied by (sums per period to per second).
    public struct Line: Sendable {
        public var label: String
        public var query: MetricQuery
        public var scale: Double
    }

    public var title: String
    public var unit: String
    public var lines: [Line]
    /// The CloudWatch metric name the chart plots, to draw the threshold of an alarm on it.
    public var metric: String

    /// The charts of `resource` in `environment` over `range`; `alarm` is the definition behind an alarm row.
    public static func plans(for resource: ResourceRef, environment: EnvironmentConfig, range: DetailRange, alarm: AlarmDefinition? = nil) -> [ChartPlan] {
        let period = range.period, per = range.periodLabel
        var index = 0
        func line(_ label: String, _ namespace: String, _ metric: String, _ dimensions: [(name: String, value: String)], _ stat: String, scale: Double = 1) -> Line {
            index += 1
            return Line(label: label, query: MetricQuery(id: "d\(index)", namespace: namespace, metric: metric, dimensions: dimensions, stat: stat, period: period), scale: scale)
        }
        switch resource.kind {
        case .function:
            let dims = [(name: "FunctionName", value: resource.name)]
            return [
                ChartPlan(title: "Invocations", unit: "/\(per)", lines: [line("invocations", "AWS/Lambda", "Invocations", dims, "Sum")], metric: "Invocations"),
                ChartPlan(title: "Errors and throttles", unit: "/\(per)", lines: [line("errors", "AWS/Lambda", "Errors", dims, "Sum"),
                                                                                 line("throttles", "AWS/Lambda", "Throttles", dims, "Sum")], metric: "Errors"),
                ChartPlan(title: "Duration", unit: "ms", lines: [line("p50", "AWS/Lambda", "Duration", dims, "p50"), line("p95", "AWS/Lambda", "Duration", dims, "p95"),
                                                                 line("max", "AWS/Lambda", "Duration", dims, "Maximum")], metric: "Duration"),
                ChartPlan(title: "Concurrent executions", unit: "", lines: [line("max", "AWS/Lambda", "ConcurrentExecutions", dims, "Maximum")], metric: "ConcurrentExecutions"),
            ]
        case .table:
            let dims = [(name: "TableName", value: resource.name)]
            let perSecond = 1 / Double(period)
            var plans = [
                ChartPlan(title: "Read capacity", unit: "RCU/s", lines: [line("consumed", "AWS/DynamoDB", "ConsumedReadCapacityUnits", dims, "Sum", scale: perSecond),
                                                                         line("provisioned", "AWS/DynamoDB", "ProvisionedReadCapacityUnits", dims, "Average")], metric: "ConsumedReadCapacityUnits"),
                ChartPlan(title: "Write capacity", unit: "WCU/s", lines: [line("consumed", "AWS/DynamoDB", "ConsumedWriteCapacityUnits", dims, "Sum", scale: perSecond),
                                                                          line("provisioned", "AWS/DynamoDB", "ProvisionedWriteCapacityUnits", dims, "Average")], metric: "ConsumedWriteCapacityUnits"),
                ChartPlan(title: "Throttled requests", unit: "/\(per)", lines: [line("read", "AWS/DynamoDB", "ReadThrottleEvents", dims, "Sum"),
                                                                               line("write", "AWS/DynamoDB", "WriteThrottleEvents", dims, "Sum")], metric: "WriteThrottleEvents"),
            ]
            let replicas = environment.watch.tableReplicas.filter { $0.table == resource.name }
            if !replicas.isEmpty {
                plans.append(ChartPlan(title: "Replication latency", unit: "ms", lines: replicas.map {
                    line("to \($0.receivingRegion)", "AWS/DynamoDB", "ReplicationLatency", dims + [(name: "ReceivingRegion", value: $0.receivingRegion)], "Average")
                }, metric: "ReplicationLatency"))
            }
            return plans
        case .bucket:
            let routes = environment.watch.bucketReplication.filter { $0.bucket == resource.name }
            func each(_ metric: String, _ stat: String) -> [Line] {
                routes.map { route in
                    line("to \(route.destinationBucket)", "AWS/S3", metric, [(name: "SourceBucket", value: route.bucket), (name: "DestinationBucket", value: route.destinationBucket),
                                                                            (name: "RuleId", value: route.rule)], stat)
                }
            }
            guard !routes.isEmpty else { return [] }
            return [
                ChartPlan(title: "Replication latency", unit: "s", lines: each("ReplicationLatency", "Maximum"), metric: "ReplicationLatency"),
                ChartPlan(title: "Operations pending", unit: "", lines: each("OperationsPendingReplication", "Maximum"), metric: "OperationsPendingReplication"),
                ChartPlan(title: "Bytes pending", unit: "B", lines: each("BytesPendingReplication", "Maximum"), metric: "BytesPendingReplication"),
                ChartPlan(title: "Failed operations", unit: "/\(per)", lines: each("OperationsFailedReplication", "Sum"), metric: "OperationsFailedReplication"),
            ]
        case .alarm:
            guard let alarm, !alarm.metric.isEmpty else { return [] }
            return [ChartPlan(title: "\(alarm.metric) (\(alarm.statistic))", unit: alarm.unit ?? "",
                              lines: [line(alarm.statistic, alarm.namespace, alarm.metric, alarm.dimensions, alarm.statistic)], metric: alarm.metric)]
        case .stack, .stackSet, .configRule, .port:
            return []
        }
    }
}
