import Foundation
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
        switch namespace {
        case "AWS/Lambda":
            guard let function = story.functions().first(where: { $0.environment == env && $0.name == dimensions["FunctionName"] }),
                  let period = query["MetricStat"]?["Period"]?.double.map({ Int($0) }), period >= 60 else { return [] }
            let value: (DemoStory.LambdaMinute) -> Double
            switch name {
            case "Invocations": value = \.invocations
            case "Errors": value = \.errors
            case "Throttles": value = \.throttles
            case "Duration": value = \.p95
            default: return []
            }
            // A period's p95 is the story's p95 of its last minute; sums are over the period's minutes.
            return stride(from: range.lowerBound, to: range.upperBound - period + 1, by: period).map { start in
                let minutes = stride(from: start, to: start + period, by: 60).map(function.minute)
                let total = name == "Duration" ? value(minutes.last!) : minutes.reduce(0) { $0 + value($1) }
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

    private var now: Double { story.date(t).timeIntervalSince1970 }

    private func latest(_ value: Double) -> [(Double, Double)] { [(now, value)] }

    private func history(_ values: [Double]) -> [(Double, Double)] {
        values.enumerated().map { (now - Double((values.count - 1 - $0) * story.step), $1) }
    }
}
