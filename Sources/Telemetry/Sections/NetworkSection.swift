import AWSCore
import FoundationEssentials

/// EC2 peering connections and flow logs, and the last five minutes of flow-log records from CloudWatch Logs.
extension PollSection {
    static let network = PollSection(id: .network) { poller, now in Snapshot(flows: try await poller.network(now: now)) }
}

extension EnvironmentPoller {
    fileprivate func network(now: Date) async throws -> FlowTraffic {
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
