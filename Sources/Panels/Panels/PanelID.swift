import AWSCore
import Telemetry
/// The seven panels, numbered as their focus keys.
public enum PanelID: Int, CaseIterable, Sendable, Codable {
    case stacks = 1, replication, lambda, dynamodb, flowLogs, compliance, alarms

    /// The title drawn on the panel's border.
    public var title: String {
        switch self {
        case .stacks: return "Stacks"
        case .replication: return "Replication lag"
        case .lambda: return "Lambda"
        case .dynamodb: return "DynamoDB throughput"
        case .flowLogs: return "Flow logs"
        case .compliance: return "Compliance"
        case .alarms: return "Alarms"
        }
    }

    /// The name `:` commands and tabs use.
    public var command: String {
        switch self {
        case .stacks: return "stacks"
        case .replication: return "replication"
        case .lambda: return "lambda"
        case .dynamodb: return "dynamodb"
        case .flowLogs: return "flowlogs"
        case .compliance: return "compliance"
        case .alarms: return "alarms"
        }
    }

    /// The short name on the tab strip.
    public var tab: String {
        switch self {
        case .replication: return "repl"
        case .dynamodb: return "ddb"
        case .flowLogs: return "flows"
        case .compliance: return "config"
        default: return command
        }
    }

    /// Other names `:` accepts for the panel, k9s style.
    public var aliases: [String] {
        switch self {
        case .stacks: return ["cfn", "stack", "cloudformation"]
        case .replication: return ["repl", "lag"]
        case .lambda: return ["fn", "functions", "lambdas"]
        case .dynamodb: return ["ddb", "tables"]
        case .flowLogs: return ["flows", "vpc", "flow"]
        case .compliance: return ["config", "findings"]
        case .alarms: return ["alarm", "cw"]
        }
    }

    /// The panel `:name` names, if any.
    public static func named(_ name: String) -> PanelID? {
        let key = name.lowercased()
        return allCases.first { $0.command == key || $0.aliases.contains(key) }
    }

    /// The panel after this one, wrapping around; `by: -1` goes back.
    public func next(by step: Int = 1) -> PanelID {
        let count = Self.allCases.count
        return PanelID(rawValue: ((rawValue - 1 + step) % count + count) % count + 1)!
    }
}
