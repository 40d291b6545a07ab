import Telemetry

/// CloudWatch alarms: ALARM first, then INSUFFICIENT_DATA, then OK, most recent first within each.
public struct AlarmsPanel: Panel {
    public let id = PanelID.alarms

    public init() {}

    public func content(for snapshot: Snapshot) -> PanelContent {
        let columns = [
            Column("STATE", width: 6), Column("ENV", width: 7, dropOrder: 2), Column("ALARM", width: 18, flexible: true),
            Column("SINCE", width: 5, alignRight: true), Column("METRIC", width: 14, flexible: true, dropOrder: 1),
        ]
        let ordered = snapshot.alarms.sorted { a, b in
            a.state != b.state ? rank(a.state) < rank(b.state) : a.since > b.since
        }
        let rows = ordered.map { alarm in
            PanelRow(
                cells: [
                    .text(label(alarm.state), role(alarm.state)), .plain(alarm.environment), .plain(alarm.name),
                    .text(Format.age(alarm.since, now: snapshot.capturedAt), .muted), .text("\(alarm.namespace) \(alarm.metric)", .muted),
                ],
                detail: [
                    ("Alarm", alarm.name), ("Environment", alarm.environment), ("State", alarm.state.rawValue),
                    ("Since", Format.timestamp(alarm.since, now: snapshot.capturedAt)),
                    ("Reason", alarm.reason), ("Metric", "\(alarm.namespace) \(alarm.metric)"),
                ],
                search: "\(alarm.environment) \(alarm.name) \(alarm.state.rawValue) \(alarm.namespace) \(alarm.metric)", environment: alarm.environment
            )
        }
        let firing = snapshot.alarms.filter { $0.state == .alarm }.count
        return PanelContent(sections: [TableSection(columns: columns, rows: rows)], summary: "\(firing) in ALARM")
    }

    private func rank(_ state: AlarmSummary.State) -> Int {
        switch state {
        case .alarm: return 0
        case .insufficientData: return 1
        case .ok: return 2
        }
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
