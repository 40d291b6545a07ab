import Telemetry
import AWSCore

/// DynamoDB consumed read/write capacity (units per second) against provisioned, with throttled requests, from the
/// newest one-minute datapoint.
public struct DynamoDBPanel: Panel {
    public let id = PanelID.dynamodb

    public init() {}

    public func content(for snapshot: Snapshot) -> PanelContent {
        let columns = [
            Column("ENV", width: 7, dropOrder: 2), Column("TABLE", width: 12, flexible: true),
            Column("RCU/s 1m", width: 9, alignRight: true), Column("WCU/s 1m", width: 9, alignRight: true),
            Column("THROT 1m", width: 9, alignRight: true), Column("WCU TREND", width: 10, flexible: true, dropOrder: 1),
        ]
        let rows = snapshot.tables.map { table in
            let throttles = table.readThrottles + table.writeThrottles
            return PanelRow(
                cells: [
                    .plain(table.environment), .plain(table.table),
                    capacity(table.consumedRCU, table.provisionedRCU), capacity(table.consumedWCU, table.provisionedWCU),
                    .text(Format.count(throttles), throttles > 0 ? .critical : .muted),
                    .spark(table.wcuHistory, threshold: table.provisionedWCU),
                ],
                detail: [
                    ("Table", table.table), ("Environment", table.environment), ("Mode", table.isOnDemand ? "on demand" : "provisioned"),
                    ("Read", "\(Format.count(table.consumedRCU)) of \(table.provisionedRCU.map(Format.count) ?? "on demand") RCU"),
                    ("Write", "\(Format.count(table.consumedWCU)) of \(table.provisionedWCU.map(Format.count) ?? "on demand") WCU"),
                    ("Read throttles", Format.count(table.readThrottles)), ("Write throttles", Format.count(table.writeThrottles)),
                ],
                search: "\(table.environment) \(table.table)", environment: table.environment, resource: ResourceRef(.table, table.table, environment: table.environment)
            )
        }
        let throttled = snapshot.tables.filter { $0.readThrottles + $0.writeThrottles > 0 }.count
        let refused = RefusalRows.section(snapshot) { $0.namespace == "AWS/DynamoDB" && $0.metric != "ReplicationLatency" }
        return PanelContent(sections: [refused, TableSection(columns: columns, rows: rows)].compactMap { $0 },
                            summary: "\(snapshot.tables.count) tables · \(throttled) throttled")
    }

    /// "420/500" coloured by how full provisioned capacity is; on-demand shows consumption only.
    private func capacity(_ consumed: Double, _ provisioned: Double?) -> TableCell {
        guard let provisioned else { return .plain(Format.count(consumed)) }
        return .text("\(Format.count(consumed))/\(Format.count(provisioned))", Severity.against(consumed, threshold: provisioned))
    }
}
