import Telemetry
import AWSCore

/// VPC flow-log traffic: ACCEPT/REJECT by destination port, and the top talkers.
public struct FlowLogsPanel: Panel {
    public let id = PanelID.flowLogs

    public init() {}

    public func content(for snapshot: Snapshot) -> PanelContent {
        let portColumns = [
            Column("ENV", width: 7, dropOrder: 2), Column("PORT", width: 9), Column("ACCEPT", width: 6, alignRight: true),
            Column("REJECT", width: 6, alignRight: true), Column("BYTES", width: 6, alignRight: true, dropOrder: 3),
            Column("REJECTS", width: 8, flexible: true, dropOrder: 1),
        ]
        let ports = snapshot.flows.ports.sorted { $0.rejected > $1.rejected }.map { port in
            PanelRow(
                cells: [
                    .plain(port.environment), .plain("\(port.port)/\(port.proto)"), .plain(Format.count(Double(port.accepted))),
                    .text(Format.count(Double(port.rejected)), port.rejected >= 100 ? .critical : port.rejected > 0 ? .warn : .muted),
                    .plain(Format.bytes(port.bytes)), .spark(port.rejectHistory, threshold: 100),
                ],
                detail: [
                    ("Port", "\(port.port)/\(port.proto)"), ("Environment", port.environment), ("Accepted flows", String(port.accepted)),
                    ("Rejected flows", String(port.rejected)), ("Bytes", Format.bytes(port.bytes)),
                ],
                search: "\(port.environment) \(port.port) \(port.proto)", environment: port.environment,
                resource: ResourceRef(.port, "\(port.port)/\(port.proto)", environment: port.environment)
            )
        }
        let talkerColumns = [
            Column("ENV", width: 7, dropOrder: 2), Column("SOURCE → DEST", width: 20, flexible: true),
            Column("ACTION", width: 6), Column("BYTES", width: 6, alignRight: true), Column("FLOWS", width: 6, alignRight: true, dropOrder: 1),
        ]
        let talkers = snapshot.flows.talkers.sorted { $0.bytes > $1.bytes }.map { talker in
            PanelRow(
                cells: [
                    .plain(talker.environment), .plain("\(talker.source) → \(talker.destination):\(talker.port)"),
                    .text(talker.action, talker.action == "REJECT" ? .critical : .ok), .plain(Format.bytes(talker.bytes)),
                    .plain(Format.count(Double(talker.flows))),
                ],
                detail: [
                    ("Source", talker.source), ("Destination", "\(talker.destination):\(talker.port)"), ("Environment", talker.environment),
                    ("Action", talker.action), ("Bytes", Format.bytes(talker.bytes)), ("Flows", String(talker.flows)),
                ],
                search: "\(talker.environment) \(talker.source) \(talker.destination) \(talker.port) \(talker.action)", environment: talker.environment
            )
        }
        let rejected = snapshot.flows.ports.reduce(0) { $0 + $1.rejected }
        var sections = [TableSection(title: "By port", columns: portColumns, rows: ports),
                        TableSection(title: "Top talkers", columns: talkerColumns, rows: talkers)]
        let down = snapshot.flows.peerings.filter { $0.status != "active" }
        if !down.isEmpty { sections.insert(peeringSection(down), at: 0) }
        var summary = ["\(Format.count(Double(rejected))) rejected"]
        if !snapshot.flows.peerings.isEmpty {
            // A cross-account peering is listed by both of its accounts: count each connection once.
            let all = Set(snapshot.flows.peerings.map(\.id)).count
            let notActive = Set(down.map(\.id)).count
            summary.append(down.isEmpty ? "\(all) peerings active" : "\(notActive) peering\(notActive == 1 ? "" : "s") not active")
        }
        return PanelContent(sections: sections, summary: summary.joined(separator: " · "))
    }

    /// VPC peering connections that are not active, shown first because traffic across them is failing.
    private func peeringSection(_ peerings: [PeeringLink]) -> TableSection {
        let columns = [
            Column("ENV", width: 7, dropOrder: 2), Column("PEERING", width: 12, dropOrder: 1),
            Column("REQUESTER → ACCEPTER", width: 20, flexible: true), Column("STATUS", width: 10),
        ]
        let rows = peerings.map { link in
            PanelRow(
                cells: [.plain(link.environment), .plain(link.id), .plain("\(link.requester) → \(link.accepter)"), .text(link.status, Severity.peeringStatus(link.status))],
                detail: [("Peering", link.id), ("Environment", link.environment), ("Requester", link.requester), ("Accepter", link.accepter),
                         ("Status", link.status), ("Message", link.message ?? "-")],
                search: "\(link.environment) \(link.id) \(link.requester) \(link.accepter) \(link.status)", environment: link.environment
            )
        }
        return TableSection(title: "Peering not active", columns: columns, rows: rows)
    }
}
