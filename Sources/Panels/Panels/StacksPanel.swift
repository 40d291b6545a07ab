import Telemetry
import AWSCore

/// CloudFormation stacks and StackSet instances per account, with status, drift and last update; problems first.
public struct StacksPanel: Panel {
    public let id = PanelID.stacks

    public init() {}

    public func content(for snapshot: Snapshot) -> PanelContent {
        let columns = [
            Column("ENV", width: 7), Column("STACK", width: 16, flexible: true),
            Column("STATUS", width: 18, flexible: true), Column("DRIFT", width: 11, dropOrder: 1),
            Column("UPDATED", width: 7, alignRight: true, dropOrder: 2),
        ]
        let ranked = snapshot.stacks.enumerated().map { (rank: rank($1), offset: $0, stack: $1) }
        let rows = ranked.sorted { ($0.rank, $0.offset) < ($1.rank, $1.offset) }.map(\.stack).map { stack in
            PanelRow(
                cells: [
                    .plain(stack.environment), .text(stack.name, stack.isStackSet ? .accent : .text),
                    .text(stack.status, Severity.stackStatus(stack.status)), .text(stack.drift.rawValue, driftRole(stack.drift)),
                    .text(Format.age(stack.lastUpdated, now: snapshot.capturedAt), .muted),
                ],
                detail: [
                    ("Stack", stack.name), ("Kind", stack.isStackSet ? "StackSet instance" : "Stack"), ("Environment", stack.environment),
                    ("Status", stack.status), ("Reason", stack.statusReason ?? "-"), ("Drift", stack.drift.rawValue),
                    ("Last updated", Format.timestamp(stack.lastUpdated, now: snapshot.capturedAt)),
                ],
                search: "\(stack.environment) \(stack.name) \(stack.status) \(stack.drift.rawValue)", environment: stack.environment, key: stack.key,
                resource: ResourceRef(stack.isStackSet ? .stackSet : .stack, stack.name, environment: stack.environment)
            )
        }
        let drifted = snapshot.stacks.filter { $0.drift == .drifted }.count
        let failing = snapshot.stacks.filter { Severity.stackStatus($0.status) == .critical }.count
        let busy = snapshot.stacks.filter { $0.status.hasSuffix("IN_PROGRESS") }.count
        var summary = ["\(snapshot.stacks.count) stacks", "\(drifted) drifted"]
        if failing > 0 { summary.append("\(failing) failed") }
        if busy > 0 { summary.append("\(busy) in progress") }
        return PanelContent(sections: [TableSection(columns: columns, rows: rows)], summary: summary.joined(separator: " · "))
    }

    /// Failed stacks first, then drifted, then changing ones, then the rest; otherwise in account order.
    private func rank(_ stack: StackSummary) -> Int {
        if Severity.stackStatus(stack.status) == .critical { return 0 }
        if stack.drift == .drifted { return 1 }
        return Severity.stackStatus(stack.status) == .warn ? 2 : 3
    }

    private func driftRole(_ drift: StackSummary.DriftStatus) -> StyleRole {
        switch drift {
        case .drifted: return .critical
        case .inSync: return .ok
        case .notChecked, .unknown: return .muted
        }
    }
}
