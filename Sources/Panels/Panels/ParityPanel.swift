import Telemetry
import AWSCore

/// Dev, staging and prod side by side: each logical resource's settings that differ between environments, the
/// unexpected first and the declared ones dimmed; its alternate view (`p`) is the Posture view, the platform's rules
/// checked in every environment with their evidence.
public struct ParityPanel: Panel {
    public let id = PanelID.parity

    public init() {}

    /// Environments get a column each up to this many; beyond it their values are grouped in one column.
    static let sideBySide = 5

    public func content(for snapshot: Snapshot) -> PanelContent {
        let report = snapshot.parity
        let environments = report.environments
        let columns = [Column("KIND", width: 8, dropOrder: 2), Column("RESOURCE", width: 18, flexible: true), Column("SETTING", width: 12, flexible: true)]
            + valueColumns(environments) + [Column("NOTE", width: 10, dropOrder: 1)]
        let ordered = report.differences.enumerated().sorted { a, b in
            let (ra, rb) = (a.element.rank, b.element.rank)
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
        let rows = ordered.map { difference in
            let dim = difference.expected != nil
            let values = valueCells(environments, difference.sides.map { ($0.environment, $0.value, $0.failure != nil) }, dim: dim, odd: difference.oddOnesOut)
            let note = difference.unreadable ? TableCell.text("unreadable", .critical)
                : difference.expected != nil ? .text("expected", .muted) : .text(difference.unmet == nil ? "unexpected" : "rule unmet", .warn)
            return PanelRow(
                cells: [.text(difference.kind.rawValue, .muted), .text(difference.resource, dim ? .muted : .text), .text(difference.setting, dim ? .muted : .text)] + values + [note],
                detail: Self.detail(difference),
                search: "\(difference.kind.rawValue) \(difference.resource) \(difference.setting) \(difference.sides.map { "\($0.environment) \($0.name ?? "") \($0.value)" }.joined(separator: " "))")
        }
        let unexpected = report.differences.filter { $0.expected == nil && !$0.unreadable }.count
        let summary = report.environments.isEmpty ? "no settings read yet"
            : report.environments.count == 1 ? "settings of \(environments[0]) only: nothing to compare it with (p: its posture)"
            : "\(unexpected) unexpected, \(report.differences.count - unexpected) expected or unreadable, of \(report.resourcesCompared) resources in \(environments.joined(separator: ", "))"
        var content = PanelContent(sections: [TableSection(columns: columns, rows: rows)], summary: summary)
        content.alternate = posture(report)
        return content
    }

    /// The Posture view: a row per rule and resource, pass or fail per environment, the failing evidence first.
    func posture(_ report: ParityReport) -> PanelContent.Alternate {
        let environments = report.environments
        let columns = [Column("RULE", width: 22, flexible: true), Column("RESOURCE", width: 18, flexible: true)]
            + valueColumns(environments) + [Column("EVIDENCE", width: 14, flexible: true, dropOrder: 1)]
        let naming = ParityNaming(ParityConfig())
        struct Key: Hashable { var rule: String; var title: String; var resource: String }
        var groups: [Key: [PostureCheck]] = [:]
        var order: [Key] = []
        for check in report.checks {
            let key = Key(rule: check.rule, title: check.title, resource: naming.logical(check.resource, environment: check.environment))
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(check)
        }
        let rows = order.map { key -> (failing: Bool, row: PanelRow) in
            let checks = groups[key]!
            let failing = checks.contains { $0.passed == false }
            let values = valueCells(environments, checks.map { ($0.environment, $0.passed.map { $0 ? "pass" : "FAIL" } ?? "unknown", $0.passed == nil) }, dim: false)
            let evidence = (checks.first { $0.passed != true } ?? checks[0])
            return (failing, PanelRow(
                cells: [.plain(key.title), .plain(key.resource)] + values + [.text("\(evidence.environment): \(evidence.evidence)", failing ? .warn : .muted)],
                detail: [("Rule", "\(key.title) (\(key.rule); [posture] skip turns it off)")] + checks.map { check in
                    ("\(check.environment) \(check.passed.map { $0 ? "pass" : "FAIL" } ?? "unknown")", "\(check.resource): \(check.evidence) (\(check.call))")
                },
                search: "\(key.rule) \(key.resource) \(checks.map { "\($0.environment) \($0.resource) \($0.evidence)" }.joined(separator: " "))"))
        }
        let failing = rows.filter(\.failing).count
        return PanelContent.Alternate(title: "Posture", sections: [TableSection(columns: columns, rows: rows.filter(\.failing).map(\.row) + rows.filter { !$0.failing }.map(\.row))],
                            summary: "\(failing) of \(rows.count) rule checks failing in some environment, \(report.checks.filter { $0.passed == nil }.count) unknown")
    }

    /// A column per environment, or one grouped column when there are too many to stand side by side.
    func valueColumns(_ environments: [String]) -> [Column] {
        environments.count > Self.sideBySide ? [Column("VALUES", width: 20, flexible: true)] : environments.map { Column($0.uppercased(), width: 10, flexible: true) }
    }

    /// Each environment's value in its column (blank where it has none), or all grouped in one.
    func valueCells(_ environments: [String], _ sides: [(environment: String, value: String, failed: Bool)], dim: Bool, odd: Set<String> = []) -> [TableCell] {
        guard environments.count <= Self.sideBySide else {
            return [.text(ParityDifference.grouped(sides.map { ($0.environment, $0.value) }), dim ? .muted : .text)]
        }
        return environments.map { env in
            guard let side = sides.first(where: { $0.environment == env }) else { return .text("-", .muted) }
            return .text(side.value, side.failed ? .critical : dim ? .muted : side.value == "missing" || side.value == "FAIL" || odd.contains(env) ? .warn : .text)
        }
    }

    /// Every side's full value, the resource's own name there and the call it came from.
    static func detail(_ difference: ParityDifference) -> [(String, String)] {
        var lines: [(String, String)] = [("Resource", "\(difference.kind.rawValue) \(difference.resource)"), ("Setting", difference.setting)]
        for side in difference.sides {
            lines.append(("\(side.environment)", side.value))
            lines.append(("  name", side.name ?? "(missing)"))
            lines.append(("  from", side.failure.map { "\(side.call): \($0.detail)" } ?? side.call))
        }
        lines.append(("Expected", difference.expected ?? difference.unmet ?? "no [[parity.expected]] rule covers it"))
        return lines
    }
}

extension ParityDifference {
    /// Unreadable first, then unexpected, then expected.
    var rank: Int { unreadable ? 0 : expected == nil ? 1 : 2 }

    /// The environments whose value differs from the one most hold (none when no value is held by most).
    var oddOnesOut: Set<String> {
        let counts = Dictionary(grouping: sides, by: \.value).mapValues(\.count)
        guard let (common, count) = counts.max(by: { $0.value < $1.value }), count * 2 > sides.count else { return [] }
        return Set(sides.filter { $0.value != common }.map(\.environment))
    }
}
