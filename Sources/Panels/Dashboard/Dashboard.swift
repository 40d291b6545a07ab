import FoundationEssentials
import Telemetry
import AWSCore

/// Draws the whole screen: panels, status bar, key hints or prompt, and overlays.
public enum Dashboard {
    /// Renders `snapshot` as `view` describes into `buffer`, which it clears first; `cache` keeps panel rows between
    /// frames of the same `view.dataVersion`.
    public static func render(_ snapshot: Snapshot, view: DashboardView, into buffer: inout CellBuffer, cache: ContentCache = ContentCache()) {
        buffer.fill(buffer.area)
        guard buffer.width >= DashboardLayout.minimumSize.width, buffer.height >= DashboardLayout.minimumSize.height else {
            let notice = "terminal too small: \(buffer.width)x\(buffer.height), need \(DashboardLayout.minimumSize.width)x\(DashboardLayout.minimumSize.height)"
            for (index, line) in wrap(notice, width: max(1, buffer.width)).prefix(buffer.height).enumerated() {
                buffer.put(line, x: 0, y: index, role: .warn)
            }
            return
        }
        let body = buffer.area.rows(from: 0, count: buffer.height - 2)
        var focusedContent: PanelContent?
        func draw(_ id: PanelID, _ rect: Rect) {
            let states = PanelStates(sections: id.spec.sections, accounts: snapshot.accounts, now: view.now)
            let built = view.viewing(id, cache.content(id, snapshot, version: view.dataVersion))
            let filtered = view.shown(id, built)
            let content = states.apply(to: filtered)
            let focused = id == view.focus
            if focused { focusedContent = content }
            var trailer = states.trailer(built.summary)
            if let filter = view.filters[id], !filter.isEmpty {
                // The panel's own counts are of every row; a filtered panel says how many of them it shows.
                trailer = (["/\(filter) · \(filtered.rowCount) of \(built.rowCount) rows"] + states.notices).joined(separator: " · ")
            }
            let block = Block(title: "\(id.rawValue) \(built.title.map { "\($0) (p: \(id.title))" } ?? id.title)", trailer: trailer, focused: focused)
            let inner = block.render(into: &buffer, area: rect)
            let selected = focused ? view.selectedRow(id, count: content.rowCount) : nil
            var table = TableView(sections: content.sections, selected: selected, stale: states.dimmed)
            table.environmentRoles = view.environments.compactMapValues { $0.color.map(StyleRole.environment) }
            let overflow = table.render(into: &buffer, area: inner)
            block.footer(overflow.joined(separator: " · "), in: rect, &buffer)
        }
        switch DashboardLayout.arrange(body, zoomed: view.zoomed) {
        case .grid(let places):
            for (id, rect) in places.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { draw(id, rect) }
        case .tabs(let strip, let panel):
            TabStrip(focus: view.focus).render(into: &buffer, area: strip)
            draw(view.focus, panel)
        case .zoomed(let rect):
            draw(view.focus, rect)
        }
        StatusBar(snapshot: snapshot, view: view).render(row: buffer.height - 2, &buffer)
        HintLine(view: view, accounts: snapshot.accounts).render(row: buffer.height - 1, &buffer)
        switch view.overlay {
        case .none:
            break
        case .help:
            Overlay(title: "Help · j/k scroll · Esc closes", lines: helpLines(view.help), scroll: view.overlayScroll).render(into: &buffer, area: body)
        case .report:
            if let report = view.report {
                Overlay(title: "\(report.title) · j/k scroll · Esc closes", lines: report.lines.map { OverlayLine(label: $0.label, value: $0.value) },
                        scroll: view.overlayScroll).render(into: &buffer, area: body)
            }
        case .logs:
            if let logs = view.logs { LogView(screen: logs, environments: view.environments).render(into: &buffer, area: body) }
        case .detail where view.detail != nil:
            let screen = view.detail!
            let watching = snapshot.alarms.filter(screen.resource.isWatched)
            var detail = DetailView(screen: screen, alarms: watching, now: view.now, scroll: view.overlayScroll, braille: view.braille)
            detail.look = view.environments[screen.resource.environment] ?? EnvironmentLook()
            detail.render(into: &buffer, area: body)
        case .detail:
            let rows = focusedContent?.rows ?? []
            if let index = view.selectedRow(view.focus, count: rows.count) {
                Overlay(title: "\(view.focus.title) · Esc closes", lines: rows[index].detail.map { OverlayLine(label: $0.0, value: $0.1) },
                        scroll: view.overlayScroll)
                    .render(into: &buffer, area: body)
            }
        }
    }

    /// Help as label/value lines.
    private static func helpLines(_ help: [DashboardView.HelpLine]) -> [OverlayLine] {
        help.map { OverlayLine(label: $0.keys, value: $0.dangerous ? "\($0.text) (needs --allow-actions)" : $0.text) }
    }

    /// Splits `text` into lines of at most `width` columns, breaking at spaces where it can.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            var word = word
            while DisplayWidth.of(word) > width {
                if !current.isEmpty { lines.append(current); current = "" }
                let head = String(word.prefix(width))
                lines.append(head)
                word = String(word.dropFirst(head.count))
            }
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.of(candidate) <= width {
                current = candidate
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
