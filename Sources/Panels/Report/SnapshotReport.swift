import FoundationEssentials
import Telemetry
import AWSCore

/// Every panel's data as plain text, for `opsdeck snapshot --format text`: the same rows the console shows, unclipped.
public enum SnapshotReport {
    /// The report for `snapshot`, with per-account health first.
    public static func text(_ snapshot: Snapshot) -> String {
        var lines = ["opsdeck snapshot at \(AWSDate.format(snapshot.capturedAt))", ""]
        lines.append("== Accounts")
        lines += table(["ENV", "ACCOUNT", "REGION", "HEALTH", "LAST OK", "ERROR"], snapshot.accounts.map { account in
            [account.environment, account.accountId, account.region, account.health.rawValue,
             account.lastSuccess.map(AWSDate.format) ?? "never", account.error ?? ""].map(\.visible)
        })
        let signedIn = snapshot.accounts.filter { $0.credentials != nil }
        if !signedIn.isEmpty {
            lines += ["", "== Credentials"]
            lines += table(["ENV", "FROM", "EXPIRES", "NOTE"], signedIn.map { account in
                let credentials = account.credentials!
                return [account.environment, credentials.origin, credentials.expiration.map(AWSDate.format) ?? "never",
                        credentials.warning(at: snapshot.capturedAt) ?? ""].map(\.visible)
            })
        }
        lines += ["", "== Sections"]
        lines += table(["ENV", "SECTION", "STATE", "LAST GOOD", "FAILED CALL"], snapshot.accounts.flatMap { account in
            PollSection.ID.allCases.compactMap { id in
                account.sections[id].map { state in
                    [account.environment, id.rawValue, state.phase.rawValue, state.lastGood.map(AWSDate.format) ?? "never", state.failure?.summary ?? ""].map(\.visible)
                }
            }
        })
        for panel in PanelCatalog.all {
            let states = PanelStates(sections: panel.id.spec.sections, accounts: snapshot.accounts, now: snapshot.capturedAt)
            let built = panel.content(for: snapshot)
            // A panel with an alternate view (Parity's Posture) prints both.
            let views = [(panel.id.title, built)] + (built.alternate.map { [($0.title, PanelContent(sections: $0.sections, summary: $0.summary))] } ?? [])
            for (title, view) in views {
                lines += section(title, states.apply(to: view), trailer: states.trailer(view.summary))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One view's lines: its title and trailer, then each table section's rows.
    static func section(_ title: String, _ content: PanelContent, trailer: String) -> [String] {
        var lines = ["", "== \(title) (\(trailer.visible))"]
        for section in content.sections {
            if let title = section.title { lines.append("-- \(title.visible)") }
            if section.rows.isEmpty {
                lines.append("(none)")
                continue
            }
            lines += table(section.columns.map(\.title), section.rows.map { row in row.cells.map(text) })
        }
        return lines
    }

    /// A cell as text, control characters made visible; sparklines become their values, oldest first.
    static func text(_ cell: TableCell) -> String {
        switch cell {
        case .text(let text, _): text.visible
        case .spark(let values, _): values.suffix(12).map { Format.count($0) }.joined(separator: ",")
        }
    }

    /// Rows padded into aligned columns separated by two spaces.
    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { DisplayWidth.of($0.indices.contains(column) ? $0[column] : "") }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(cell)))
            }.joined(separator: "  ").trimming(.whitespaces)
        }
    }
}
