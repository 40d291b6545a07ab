import FoundationEssentials
import AWSCore

/// Everything the panels show at one moment: an immutable value the poller or replayer publishes whole.
public struct Snapshot: Codable, Equatable, Sendable {
    public var capturedAt: Date
    public var accounts: [AccountStatus]
    public var stacks: [StackSummary]
    public var replication: [ReplicationLag]
    public var lambdas: [LambdaMetrics]
    public var tables: [TableThroughput]
    public var flows: FlowTraffic
    public var findings: [ComplianceFinding]
    public var alarms: [AlarmSummary]
    /// Metric queries refused on their own; their numbers are "-" and each panel names them on a row.
    public var metricRefusals: [MetricRefusal]
    /// Each watched resource's settings, read on the settings section's slow interval.
    public var settings: [ResourceSettings]
    /// What differs between environments and how each stands against the platform's rules, built from `settings`.
    public var parity: ParityReport

    public init(
        capturedAt: Date = .distantPast, accounts: [AccountStatus] = [], stacks: [StackSummary] = [],
        replication: [ReplicationLag] = [], lambdas: [LambdaMetrics] = [], tables: [TableThroughput] = [],
        flows: FlowTraffic = FlowTraffic(), findings: [ComplianceFinding] = [], alarms: [AlarmSummary] = [], metricRefusals: [MetricRefusal] = [],
        settings: [ResourceSettings] = [], parity: ParityReport = ParityReport()
    ) {
        self.capturedAt = capturedAt
        self.accounts = accounts
        self.stacks = stacks
        self.replication = replication
        self.lambdas = lambdas
        self.tables = tables
        self.flows = flows
        self.findings = findings
        self.alarms = alarms
        self.metricRefusals = metricRefusals
        self.settings = settings
        self.parity = parity
    }

    /// Adds the data of `slice` (one section's, or another snapshot's) to this snapshot's; accounts and time stay.
    public mutating func add(_ slice: Snapshot) {
        stacks += slice.stacks
        replication += slice.replication
        lambdas += slice.lambdas
        tables += slice.tables
        flows.ports += slice.flows.ports
        flows.talkers += slice.flows.talkers
        flows.peerings += slice.flows.peerings
        findings += slice.findings
        alarms += slice.alarms
        metricRefusals += slice.metricRefusals
        settings += slice.settings
    }
}
