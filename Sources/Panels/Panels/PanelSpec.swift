import Telemetry

/// Everything about one panel, declared in one place: its title, `:` names, tab label, where the grid puts it, whether
/// its rows are built on the poller's task, and the panel that builds its rows and details. Focus keys, `:` commands,
/// the tab strip, the grid and the help screen all come from here.
public struct PanelSpec: Sendable {
    /// The title drawn on the panel's border.
    public let title: String
    /// The name `:` commands use.
    public let command: String
    /// The short name on the tab strip.
    public let tab: String
    /// Other names `:` accepts, k9s style.
    public let aliases: [String]
    /// The grid band (row of panels, from the top) the panel sits in, and its share of that band's width.
    public let band: Int
    public let width: Int
    /// The poll sections its rows come from; their state in each environment is shown on the panel.
    public let sections: [PollSection.ID]
    /// Whether its rows are built when a snapshot arrives, off the event loop (alarms are not: triage decorates them first).
    public let prebuilt: Bool
    /// Builds the panel's rows, summary and details.
    public let panel: any Panel
}

extension PanelID {
    /// The panel's row of the table, built once: titles and names are read on every frame.
    public var spec: PanelSpec { Self.specs[self]! }

    private static let specs = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.makeSpec()) })

    /// The table itself; the switch makes the compiler ask for a row for every panel.
    private func makeSpec() -> PanelSpec {
        switch self {
        case .stacks:
            PanelSpec(title: "Stacks", command: "stacks", tab: "stacks", aliases: ["cfn", "stack", "cloudformation"], band: 0, width: 58, sections: [.stacks], prebuilt: true, panel: StacksPanel())
        case .replication:
            PanelSpec(title: "Replication lag", command: "replication", tab: "repl", aliases: ["repl", "lag"], band: 1, width: 1, sections: [.metrics, .discovery], prebuilt: true, panel: ReplicationPanel())
        case .lambda:
            PanelSpec(title: "Lambda", command: "lambda", tab: "lambda", aliases: ["fn", "functions", "lambdas"], band: 1, width: 1, sections: [.metrics, .discovery], prebuilt: true, panel: LambdaPanel())
        case .dynamodb:
            PanelSpec(title: "DynamoDB throughput", command: "dynamodb", tab: "ddb", aliases: ["ddb", "tables"], band: 2, width: 1, sections: [.metrics, .discovery], prebuilt: true, panel: DynamoDBPanel())
        case .flowLogs:
            PanelSpec(title: "Flow logs", command: "flowlogs", tab: "flows", aliases: ["flows", "vpc", "flow"], band: 2, width: 1, sections: [.network], prebuilt: true, panel: FlowLogsPanel())
        case .compliance:
            PanelSpec(title: "Compliance", command: "compliance", tab: "config", aliases: ["config", "findings"], band: 3, width: 1, sections: [.compliance], prebuilt: true, panel: CompliancePanel())
        case .parity:
            PanelSpec(title: "Parity", command: "parity", tab: "parity", aliases: ["posture", "diff", "drift-env"], band: 3, width: 1, sections: [.settings], prebuilt: true, panel: ParityPanel())
        case .alarms:
            PanelSpec(title: "Alarms", command: "alarms", tab: "alarms", aliases: ["alarm", "cw"], band: 0, width: 42, sections: [.alarms], prebuilt: false, panel: AlarmsPanel())
        }
    }
}
