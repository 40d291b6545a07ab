import Telemetry
import AWSCore

/// Lambda invocations, errors, throttles and p95 duration per function over the poll's metric window.
public struct LambdaPanel: Panel {
    public let id = PanelID.lambda

    public init() {}

    public func content(for snapshot: Snapshot) -> PanelContent {
        let minutes = snapshot.lambdas.first?.windowMinutes ?? MetricWindow.defaultMinutes
        let window = "\(minutes)m"
        let columns = [
            Column("ENV", width: 7, dropOrder: 3), Column("FUNCTION", width: 20, flexible: true),
            Column("INVOC \(window)", width: 8, alignRight: true), Column("ERR \(window)", width: 6, alignRight: true),
            Column("ERR%", width: 6, alignRight: true, dropOrder: 4), Column("THROT", width: 5, alignRight: true, dropOrder: 2),
            Column("\(snapshot.lambdas.contains { $0.durationStatistic != nil } ? "MAX" : "P95") \(window)", width: 7, alignRight: true),
            Column("ERR/min", width: 7, flexible: true, dropOrder: 1),
        ]
        let rows = snapshot.lambdas.map { fn in
            let rateRole = Severity.against(fn.errorRate, threshold: 0.05)
            return PanelRow(
                cells: [
                    .plain(fn.environment), .plain(fn.function), fn.idle ? .text("idle", .muted) : .plain(Format.count(fn.invocations)),
                    .text(Format.count(fn.errors), (fn.errors ?? 0) > 0 ? rateRole : .muted), .text(fn.idle ? "-" : Format.percent(fn.errorRate), rateRole),
                    .text(Format.count(fn.throttles), (fn.throttles ?? 0) > 0 ? .warn : .muted),
                    .plain(fn.durationP95Ms.map(Format.millis) ?? "-"), .spark(fn.errorHistory, threshold: max(10, (fn.invocations ?? 0) / Double(max(1, fn.windowMinutes)) * 0.05)),
                ],
                detail: [
                    ("Function", fn.function), ("Environment", fn.environment), ("Window", "the last \(minutes) whole minutes: counts summed, duration the window's statistic (no datapoint is \"-\")"),
                    ("Invocations", fn.idle ? "none: idle in the window" : Format.count(fn.invocations)),
                    ("Errors", "\(Format.count(fn.errors)) (\(Format.percent(fn.errorRate)))"), ("Throttles", Format.count(fn.throttles)),
                    (fn.durationStatistic == nil ? "Duration p95" : "Duration max (p95 refused by this endpoint)", fn.durationP95Ms.map(Format.millis) ?? "-"),
                ],
                search: "\(fn.environment) \(fn.function)", environment: fn.environment, resource: ResourceRef(.function, fn.function, environment: fn.environment)
            )
        }
        let failing = snapshot.lambdas.filter { $0.errorRate > 0.05 }.count
        let errors = snapshot.lambdas.reduce(0) { $0 + ($1.errors ?? 0) }
        let refused = RefusalRows.section(snapshot) { $0.namespace == "AWS/Lambda" }
        return PanelContent(sections: [refused, TableSection(columns: columns, rows: rows)].compactMap { $0 },
                            summary: "\(snapshot.lambdas.count) functions · \(Format.count(errors)) errors in \(minutes) min · \(failing) failing")
    }
}
