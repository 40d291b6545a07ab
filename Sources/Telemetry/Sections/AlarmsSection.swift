import AWSCore
import FoundationEssentials

/// CloudWatch DescribeAlarms, filtered by the watch list's alarm prefixes.
extension PollSection {
    static let alarms = PollSection(id: .alarms) { poller, _ in
        let watch = poller.environment.watch
        return Snapshot(alarms: try await CloudWatchClient(poller.source).alarms(environment: poller.environment.name).filter { watch.watches(alarm: $0.name) })
    }
}
