import AWSCore
import Telemetry

/// The panels, numbered as their focus keys (at most nine); each one's details are its `spec`.
public enum PanelID: Int, CaseIterable, Sendable, Codable {
    case stacks = 1, replication, lambda, dynamodb, flowLogs, compliance, alarms, parity

    /// The title drawn on the panel's border.
    public var title: String { spec.title }

    /// The name `:` commands and tabs use.
    public var command: String { spec.command }

    /// The short name on the tab strip.
    public var tab: String { spec.tab }

    /// Other names `:` accepts for the panel, k9s style.
    public var aliases: [String] { spec.aliases }

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
