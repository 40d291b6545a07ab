import Telemetry
import AWSCore

/// AWS Config findings: rule, resource and account, non-compliant first.
public struct CompliancePanel: Panel {
    public let id = PanelID.compliance

    public init() {}

    public func content(for snapshot: Snapshot) -> PanelContent {
        let columns = [
            Column("ENV", width: 7), Column("RULE", width: 20, flexible: true), Column("RESOURCE", width: 16, flexible: true),
            Column("TYPE", width: 16, flexible: true, dropOrder: 1), Column("COMPLIANCE", width: 13),
        ]
        let ordered = snapshot.findings.enumerated().sorted { a, b in
            let (ra, rb) = (a.element.compliance == "NON_COMPLIANT" ? 0 : 1, b.element.compliance == "NON_COMPLIANT" ? 0 : 1)
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
        let rows = ordered.map { finding in
            PanelRow(
                cells: [
                    .plain(finding.environment), .plain(finding.rule), .plain(finding.resourceId), .text(finding.resourceType, .muted),
                    .text(finding.compliance, Severity.compliance(finding.compliance)),
                ],
                detail: [
                    ("Rule", finding.rule), ("Resource", finding.resourceId), ("Type", finding.resourceType),
                    ("Environment", finding.environment), ("Compliance", finding.compliance), ("Annotation", finding.annotation ?? "-"),
                    ("Recorded", Format.timestamp(finding.recordedAt, now: snapshot.capturedAt)),
                ],
                search: "\(finding.environment) \(finding.rule) \(finding.resourceId) \(finding.resourceType) \(finding.compliance)", environment: finding.environment,
                resource: ResourceRef(.configRule, finding.rule, environment: finding.environment)
            )
        }
        let failing = snapshot.findings.filter { $0.compliance == "NON_COMPLIANT" }.count
        return PanelContent(sections: [TableSection(columns: columns, rows: rows)], summary: "\(failing) non-compliant")
    }
}
