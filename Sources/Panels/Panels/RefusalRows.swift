import Telemetry
import AWSCore

/// The metric queries CloudWatch refused alone, as a panel's own rows: one per refused query, naming the series and
/// why, so a number shown "-" is never mistaken for no activity.
enum RefusalRows {
    /// A section of rows for the refusals `belongs` picks, or nil when there are none.
    static func section(_ snapshot: Snapshot, _ belongs: (MetricRefusal) -> Bool) -> TableSection? {
        let rows = snapshot.metricRefusals.filter(belongs).map { refusal in
            PanelRow(
                cells: [.text(refusal.environment, .warn), .text(refusal.summary, .warn)],
                detail: [("Environment", refusal.environment), ("Query", "\(refusal.namespace) \(refusal.metric) \(refusal.statistic)"),
                         ("Resource", refusal.resource.isEmpty ? "every watched resource" : refusal.resource), ("Reason", refusal.reason),
                         ("Shown instead", refusal.fallback ?? "nothing: the number is \"-\"")],
                search: "\(refusal.environment) \(refusal.resource) \(refusal.summary)", environment: refusal.environment)
        }
        return rows.isEmpty ? nil : TableSection(columns: [Column("ENV", width: 7), Column("REFUSED QUERY", width: 20, flexible: true)], rows: rows)
    }
}
