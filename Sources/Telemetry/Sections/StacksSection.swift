import AWSCore
import FoundationEssentials

/// CloudFormation: DescribeStacks, then ListStackSets and ListStackInstances, filtered by the watch list.
extension PollSection {
    static let stacks = PollSection(id: .stacks) { poller, _ in Snapshot(stacks: try await poller.stacks()) }
}

extension EnvironmentPoller {
    fileprivate func stacks() async throws -> [StackSummary] {
        let client = CloudFormationClient(source)
        let watch = environment.watch
        var stacks = try await client.stacks(environment: environment.name).filter(watch.watches)
        if watch.stackSets {
            stacks += try await client.stackSets(environment: environment.name, account: environment.accountId).filter { watch.watches(stack: $0.name) }
        }
        return stacks
    }
}
