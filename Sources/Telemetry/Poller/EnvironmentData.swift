import AWSCore
/// What one poll of one environment produced; a section is nil when its calls failed.
public struct EnvironmentData: Sendable {
    /// The groups of calls a poll makes, each failing on its own.
    public enum Section: String, Sendable, CaseIterable {
        case identity, stacks, metrics, alarms, compliance, network
    }

    public var stacks: [StackSummary]?
    public var lambdas: [LambdaMetrics]?
    public var tables: [TableThroughput]?
    public var replication: [ReplicationLag]?
    public var alarms: [AlarmSummary]?
    public var findings: [ComplianceFinding]?
    public var flows: FlowTraffic?
    /// One line per failed section: "section: error".
    public var errors: [String] = []

    public init() {}

    /// Records that `section` failed.
    mutating func fail(_ section: Section, _ message: String) {
        errors.append("\(section.rawValue): \(message)")
    }

    /// Whether the caller-identity check failed (wrong account or no answer).
    var identityFailed: Bool { errors.contains { $0.hasPrefix("\(Section.identity.rawValue):") } }

    /// This poll's sections, falling back to `previous` for those that failed.
    public func merged(over previous: EnvironmentData?) -> EnvironmentData {
        var out = self
        out.stacks = stacks ?? previous?.stacks
        out.lambdas = lambdas ?? previous?.lambdas
        out.tables = tables ?? previous?.tables
        out.replication = replication ?? previous?.replication
        out.alarms = alarms ?? previous?.alarms
        out.findings = findings ?? previous?.findings
        out.flows = flows ?? previous?.flows
        return out
    }
}
