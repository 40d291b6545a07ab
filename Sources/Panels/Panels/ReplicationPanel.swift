import Telemetry
import AWSCore

/// S3 replication and DynamoDB global-table replication latency against thresholds, with trends, from the newest
/// one-minute datapoint.
public struct ReplicationPanel: Panel {
    public let id = PanelID.replication

    public init() {}

    public func content(for snapshot: Snapshot) -> PanelContent {
        let columns = [
            Column("KIND", width: 8), Column("RESOURCE", width: 14, flexible: true), Column("ROUTE", width: 14, flexible: true, dropOrder: 3),
            Column("LAG 1m", width: 6, alignRight: true), Column("LIMIT", width: 6, alignRight: true, dropOrder: 2),
            Column("PENDING", width: 7, alignRight: true, dropOrder: 4), Column("TREND", width: 10, flexible: true, dropOrder: 1),
        ]
        let rows = snapshot.replication.map { lag in
            let route = "\(lag.source) → \(lag.destination)"
            let environment = lag.source.split(separator: " ").first.map(String.init) ?? lag.source
            return PanelRow(
                cells: [
                    .plain(lag.kind.rawValue), .plain(lag.resource), .text(route, .muted),
                    .text(Format.duration(lag.latestSeconds), Severity.against(lag.latestSeconds, threshold: lag.thresholdSeconds)),
                    .text(Format.duration(lag.thresholdSeconds), .muted),
                    .text(lag.pendingOperations.map(Format.count) ?? "-", .text),
                    .spark(lag.history, threshold: lag.thresholdSeconds),
                ],
                detail: [
                    ("Kind", lag.kind.rawValue), ("Resource", lag.resource), ("Route", route),
                    ("Latency", Format.duration(lag.latestSeconds)), ("Threshold", Format.duration(lag.thresholdSeconds)),
                    ("Pending operations", lag.pendingOperations.map(Format.count) ?? "-"),
                    ("Peak (window)", Format.duration(lag.history.max() ?? 0)),
                ],
                search: "\(lag.source) \(lag.kind.rawValue) \(lag.resource) \(route)", environment: environment,
                resource: ResourceRef(lag.kind == .s3 ? .bucket : .table, lag.resource, environment: environment)
            )
        }
        let over = snapshot.replication.filter { $0.latestSeconds > $0.thresholdSeconds }.count
        let refused = RefusalRows.section(snapshot) { $0.namespace == "AWS/S3" || $0.metric == "ReplicationLatency" }
        return PanelContent(sections: [refused, TableSection(columns: columns, rows: rows)].compactMap { $0 },
                            summary: "\(snapshot.replication.count) routes · \(over) over threshold")
    }
}
