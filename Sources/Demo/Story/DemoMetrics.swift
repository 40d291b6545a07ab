import FoundationEssentials
import AWSCore
import Telemetry
import Recording

/// The CloudWatch series behind the story's rows: Lambda series are the story's per-minute numbers laid out in the
/// request's periods from its StartTime to its EndTime, as CloudWatch lays them out; other metrics are looked up in
/// the snapshot, with histories laid out one point per story step ending now.
struct DemoMetrics {
    let story: DemoStory
    let snapshot: Snapshot
    let environment: EnvironmentConfig
    let t: Int
    /// The request's StartTime and EndTime, in seconds into the story.
    let range: Range<Int>

    /// Points for one MetricDataQueries entry: (epoch seconds, value).
    func series(_ query: JSONValue) -> [(Double, Double)] {
        guard let metric = query["MetricStat"]?["Metric"], let namespace = metric["Namespace"]?.string, let name = metric["MetricName"]?.string else { return [] }
        var dimensions: [String: String] = [:]
        for dimension in metric["Dimensions"]?.array ?? [] {
            if let key = dimension["Name"]?.string, let value = dimension["Value"]?.string { dimensions[key] = value }
        }
        let env = environment.name
        let period = query["MetricStat"]?["Period"]?.double.map { Int($0) } ?? 60
        let stat = query["MetricStat"]?["Stat"]?.string ?? ""
        if namespace != "AWS/Lambda", range.count > story.historyMinutes * 60 + 60, period >= 60 {
            // A detail view's range: the story's value at the middle of each period.
            return stride(from: range.lowerBound, to: range.upperBound - period + 1, by: period).compactMap { start in
                value(namespace, name, dimensions, at: start + period / 2).map { (story.date(start).timeIntervalSince1970, $0 * (name.hasPrefix("Consumed") ? Double(period) / 60 : 1)) }
            }
        }
        switch namespace {
        case "AWS/Lambda":
            guard let function = story.functions().first(where: { $0.environment == env && $0.name == dimensions["FunctionName"] }), period >= 60 else { return [] }
            let value: (DemoStory.LambdaMinute) -> Double
            switch (name, stat) {
            case ("Invocations", _): value = \.invocations
            case ("Errors", _): value = \.errors
            case ("Throttles", _): value = \.throttles
            case ("Duration", "p50"): value = { ($0.p95 * 0.45).rounded() }
            case ("Duration", "Maximum"): value = { min(300_000, ($0.p95 * 1.6).rounded()) }
            case ("Duration", _): value = \.p95
            // Little's law: calls per second times seconds per call, at the minute's peak.
            case ("ConcurrentExecutions", _): value = { ($0.invocations / 60 * $0.p95 / 1000 * 1.3).rounded(.up) }
            default: return []
            }
            // A period's duration statistics are the story's of its last minute; sums are over the period's minutes.
            return stride(from: range.lowerBound, to: range.upperBound - period + 1, by: period).map { start in
                let minutes = stride(from: start, to: start + period, by: 60).map(function.minute)
                let total = ["Duration", "ConcurrentExecutions"].contains(name) ? value(minutes.last!) : minutes.reduce(0) { $0 + value($1) }
                return (story.date(start).timeIntervalSince1970, total)
            }
        case "AWS/DynamoDB" where dimensions["ReceivingRegion"] != nil:
            guard let row = snapshot.replication.first(where: { $0.kind == .dynamodb && $0.source.hasPrefix(env + " ") && $0.resource == dimensions["TableName"] && $0.destination == dimensions["ReceivingRegion"] }) else { return [] }
            return history(row.history.map { $0 * 1000 })
        case "AWS/DynamoDB":
            guard let row = snapshot.tables.first(where: { $0.environment == env && $0.table == dimensions["TableName"] }) else { return [] }
            switch name {
            case "ConsumedReadCapacityUnits": return latest(row.consumedRCU * 60)
            case "ConsumedWriteCapacityUnits": return history(row.wcuHistory.map { $0 * 60 })
            case "ProvisionedReadCapacityUnits": return row.provisionedRCU.map(latest) ?? []
            case "ProvisionedWriteCapacityUnits": return row.provisionedWCU.map(latest) ?? []
            case "ReadThrottleEvents": return latest(row.readThrottles)
            case "WriteThrottleEvents": return latest(row.writeThrottles)
            default: return []
            }
        case "AWS/S3":
            guard let row = snapshot.replication.first(where: { $0.kind == .s3 && $0.source == env && $0.resource == dimensions["SourceBucket"] }) else { return [] }
            return name == "ReplicationLatency" ? history(row.history) : row.pendingOperations.map(latest) ?? []
        default:
            return []
        }
    }

    /// A non-Lambda metric's value at `t`, from the story's rows then (per minute for consumed capacity).
    private func value(_ namespace: String, _ name: String, _ dimensions: [String: String], at t: Int) -> Double? {
        let env = environment.name
        switch namespace {
        case "AWS/DynamoDB" where dimensions["ReceivingRegion"] != nil:
            return story.replication(t).first { $0.kind == .dynamodb && $0.source.hasPrefix(env + " ") && $0.resource == dimensions["TableName"] && $0.destination == dimensions["ReceivingRegion"] }
                .map { $0.latestSeconds * 1000 }
        case "AWS/DynamoDB":
            guard let row = story.tables(t).first(where: { $0.environment == env && $0.table == dimensions["TableName"] }) else { return nil }
            switch name {
            case "ConsumedReadCapacityUnits": return row.consumedRCU * 60
            case "ConsumedWriteCapacityUnits": return row.consumedWCU * 60
            case "ProvisionedReadCapacityUnits": return row.provisionedRCU
            case "ProvisionedWriteCapacityUnits": return row.provisionedWCU
            case "ReadThrottleEvents": return row.readThrottles
            case "WriteThrottleEvents": return row.writeThrottles
            default: return nil
            }
        case "AWS/S3":
            guard let row = story.replication(t).first(where: { $0.kind == .s3 && $0.source == env && $0.resource == dimensions["SourceBucket"] }) else { return nil }
            switch name {
            case "ReplicationLatency": return row.latestSeconds
            case "OperationsPendingReplication": return row.pendingOperations
            // Partner CSV files average 2.4 MB.
            case "BytesPendingReplication": return row.pendingOperations.map { $0 * 2.4e6 }
            case "OperationsFailedReplication": return row.latestSeconds > 900 ? (row.latestSeconds / 300).rounded() : 0
            default: return nil
            }
        default:
            return nil
        }
    }

    private var now: Double { story.date(t).timeIntervalSince1970 }

    private func latest(_ value: Double) -> [(Double, Double)] { [(now, value)] }

    private func history(_ values: [Double]) -> [(Double, Double)] {
        values.enumerated().map { (now - Double((values.count - 1 - $0) * story.step), $1) }
    }
}
