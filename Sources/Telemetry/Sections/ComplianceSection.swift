import AWSCore
import FoundationEssentials

/// AWS Config: the non-compliant rules and their resources, in this account or from the organization's aggregator.
extension PollSection {
    static let compliance = PollSection(id: .compliance) { poller, _ in Snapshot(findings: try await poller.findings()) }
}

extension EnvironmentPoller {
    fileprivate func findings() async throws -> [ComplianceFinding] {
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
}
