import FoundationEssentials
import Telemetry
import AWSCore

/// CloudWatch alarms: unacknowledged ALARM first, then acknowledged ones, INSUFFICIENT_DATA, then OK; most recent
/// first within each. Local triage (acknowledged, muted until) shows in its own column once any alarm has some.
public struct AlarmsPanel: Panel {
    public let id = PanelID.alarms

    public init() {}

    public func content(for snapshot: Snapshot) -> PanelContent {
        let triaged = snapshot.alarms.contains { $0.acknowledgedAt != nil || $0.mutedUntil != nil || $0.actionsStillOff != nil }
        let columns = [
            Column("STATE", width: 6), Column("ENV", width: 7, dropOrder: 2), Column("ALARM", width: 18, flexible: true),
            Column("SINCE", width: 5, alignRight: true),
        ] + (triaged ? [Column("TRIAGE", width: 11, dropOrder: 3)] : []) + [Column("METRIC", width: 14, flexible: true, dropOrder: 1)]
        let ordered = snapshot.alarms.sorted { a, b in
            rank(a) != rank(b) ? rank(a) < rank(b) : a.since > b.since
        }
        let rows = ordered.map { alarm in
            PanelRow(
                cells: [
                    .text(label(alarm.state), role(alarm.state)), .plain(alarm.environment), .plain(alarm.name),
                    .text(Format.age(alarm.since, now: snapshot.capturedAt), .muted),
                ] + (triaged ? [triage(alarm, now: snapshot.capturedAt)] : []) + [.text("\(alarm.namespace) \(alarm.metric)", .muted)],
                detail: detail(alarm, now: snapshot.capturedAt),
                search: "\(alarm.environment) \(alarm.name) \(alarm.state.rawValue) \(alarm.namespace) \(alarm.metric)", environment: alarm.environment, key: alarm.key.description,
                resource: ResourceRef(.alarm, alarm.name, environment: alarm.environment)
            )
        }
        let firing = snapshot.alarms.filter { $0.state == .alarm }.count
        return PanelContent(sections: [TableSection(columns: columns, rows: rows)], summary: "\(firing) in ALARM")
    }

    /// The detail view's fields.
    private func detail(_ alarm: AlarmSummary, now: Date) -> [(String, String)] {
        var fields = [
            ("Alarm", alarm.name), ("Environment", alarm.environment), ("State", alarm.state.rawValue),
            ("Since", Format.timestamp(alarm.since, now: now)),
            ("Reason", alarm.reason), ("Metric", "\(alarm.namespace) \(alarm.metric)\(alarm.resource.map { " · \($0)" } ?? "")"),
            ("Acknowledged", alarm.acknowledgedAt.map { Format.timestamp($0, now: now) } ?? "no"),
            ("Actions muted until", alarm.mutedUntil.map { Format.timestamp($0, now: now) } ?? "not muted"),
        ]
        if let off = alarm.actionsStillOff { fields.append(("Actions", off)) }
        return fields
    }

    private func rank(_ alarm: AlarmSummary) -> Int {
        switch alarm.state {
        case .alarm: return alarm.acknowledgedAt == nil ? 0 : 1
        case .insufficientData: return 2
        case .ok: return 3
        }
    }

    /// "ACTIONS OFF" (a mute ran out and the actions are still disabled), "muted 45m", "ack", or nothing.
    private func triage(_ alarm: AlarmSummary, now: Date) -> TableCell {
        if alarm.actionsStillOff != nil { return .text("ACTIONS OFF", .critical) }
        if let until = alarm.mutedUntil { return .text("muted \(Format.duration(max(0, until.timeIntervalSince(now)).rounded()))", .warn) }
        return alarm.acknowledgedAt == nil ? .plain("") : .text("ack", .muted)
    }

    private func label(_ state: AlarmSummary.State) -> String {
        switch state {
        case .alarm: return "ALARM"
        case .insufficientData: return "INSUF"
        case .ok: return "OK"
        }
    }

    private func role(_ state: AlarmSummary.State) -> StyleRole {
        switch state {
        case .alarm: return .critical
        case .insufficientData: return .warn
        case .ok: return .ok
        }
    }
}
