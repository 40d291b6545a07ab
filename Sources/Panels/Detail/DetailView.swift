import FoundationEssentials
import AWSCore
import Telemetry

/// Draws a detail screen over the panels' area: the resource's settings, the alarms watching it and what failed on
/// the left; its charts on the right (the whole area when zoomed).
public struct DetailView: Sendable {
    public var screen: DetailScreen
    /// The alarms of the snapshot that watch the resource.
    public var alarms: [AlarmSummary]
    public var now: Date
    public var scroll: Int
    public var braille: Bool
    /// The resource's environment's colour and banner, shown on the view's border.
    public var look = EnvironmentLook()

    /// The roles of a chart's lines, in order.
    static let palette: [StyleRole] = [.accent, .warn, .critical, .ok]

    public init(screen: DetailScreen, alarms: [AlarmSummary], now: Date, scroll: Int, braille: Bool) {
        self.screen = screen
        self.alarms = alarms
        self.now = now
        self.scroll = scroll
        self.braille = braille
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        buffer.fill(area)
        let resource = screen.resource
        let ranges = DetailRange.allCases.map(\.label).joined(separator: " ")
        let block = Block(title: "\(resource.kind.rawValue) \(resource.environment)/\(resource.name) · \(screen.range.label)",
                          trailer: "Esc back · z charts · 1-5 \(ranges) · j/k scroll", focused: true)
        let inner = block.render(into: &buffer, area: area)
        if let banner = look.banner {
            let text = " \(banner) "
            buffer.put(text, x: area.x + max(1, (area.width - DisplayWidth.of(text)) / 2), y: area.maxY - 1, role: look.color.map(StyleRole.environment) ?? .warn,
                       clip: Rect(x: area.x + 1, y: area.maxY - 1, width: area.width - 2, height: 1))
        }
        let charts = screen.fetched?.charts ?? []
        guard !charts.isEmpty || screen.fetched == nil else {
            drawSettings(into: &buffer, area: inner)
            return
        }
        if screen.chartsOnly {
            drawCharts(charts, into: &buffer, area: inner)
            return
        }
        let split = inner.width >= 100 ? inner.columns([2, 3]) : inner.stacked([1, 1])
        drawSettings(into: &buffer, area: split[0])
        drawCharts(charts, into: &buffer, area: Rect(x: split[1].x + (inner.width >= 100 ? 1 : 0), y: split[1].y, width: split[1].width - (inner.width >= 100 ? 1 : 0), height: split[1].height))
    }

    /// The left side: settings lines, wrapped, scrolled by `scroll`.
    private func drawSettings(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let lines = settingsLines()
        let labelWidth = min(22, max(8, lines.map { DisplayWidth.of($0.label) }.max() ?? 0))
        let valueWidth = max(1, area.width - labelWidth - 2)
        let body = lines.flatMap { line in
            Dashboard.wrap(line.value, width: valueWidth).enumerated().map { (label: $0.offset == 0 ? line.label : "", value: $0.element, role: line.role) }
        }
        let first = min(max(0, scroll), max(0, body.count - area.height))
        for (index, entry) in body.dropFirst(first).prefix(area.height).enumerated() {
            buffer.put(DisplayWidth.truncate(entry.label, to: labelWidth), x: area.x, y: area.y + index, role: entry.label.isEmpty ? .text : .accent, clip: area)
            buffer.put(entry.value, x: area.x + labelWidth + 2, y: area.y + index, role: entry.role, clip: area)
        }
    }

    /// What the left side lists: the row's values, the fetched settings, alarms watching, failures and the cost.
    func settingsLines() -> [(label: String, value: String, role: StyleRole)] {
        var lines = screen.rowFields.map { (label: $0.label, value: $0.value, role: StyleRole.text) }
        guard let fetched = screen.fetched else {
            lines.append((label: "", value: "fetching settings and \(screen.range.label) of metrics…", role: .muted))
            return lines
        }
        lines += fetched.settings.map { (label: $0.label, value: $0.value, role: $0.value.hasPrefix("unavailable:") ? .critical : .text) }
        if screen.resource.kind == .function {
            let since = fetched.lastSuccess.map {
                "last successful run \(Format.age(Date(timeIntervalSince1970: $0), now: now)) ago (in the \(screen.range.periodLabel) from \(Format.clock(Date(timeIntervalSince1970: $0)).prefix(5)) UTC)"
            }
            lines.append((label: "Last success", value: since ?? "no successful run in the last \(screen.range.label)", role: since == nil ? .warn : .text))
        }
        if screen.resource.kind != .alarm {
            let watching = alarms.map { "\($0.name) \($0.state.rawValue)\($0.threshold.map { " (threshold \(LineChart.number($0)))" } ?? "")" }
            lines.append((label: "Alarms", value: watching.isEmpty ? "no CloudWatch alarm watches this resource" : watching.joined(separator: ", "),
                          role: alarms.contains { $0.state == .alarm } ? .critical : .text))
        }
        lines += fetched.failures.map { (label: "Failed", value: $0, role: .critical) }
        let cost = Double(fetched.metricsRequested) / 1000 * 0.01
        lines.append((label: "Fetched", value: "\(fetched.calls) calls, \(fetched.metricsRequested) metrics ($\(String(cFormat: "%.5f", cost))) at \(Format.clock(Date(timeIntervalSince1970: fetched.end))) UTC",
                      role: .muted))
        return lines
    }

    /// The charts stacked (two columns when there is room for four or more), each with a title and legend.
    private func drawCharts(_ charts: [ResourceDetail.Chart], into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        guard !charts.isEmpty else {
            buffer.put("fetching \(screen.range.label) of metrics…", x: area.x, y: area.y, role: .muted, clip: area)
            return
        }
        let columns = charts.count >= 4 && area.width >= 120 ? 2 : 1
        // Each chart needs its title row and LineChart.minimumHeight; those that do not fit wait for z.
        let fitting = max(1, area.height / (LineChart.minimumHeight + 1)) * columns
        let shown = charts.prefix(fitting)
        let rows = (shown.count + columns - 1) / columns
        var room = area
        if shown.count < charts.count {
            let more = "\(charts.count - shown.count) more chart\(charts.count - shown.count == 1 ? "" : "s"): z shows them all"
            buffer.put(more, x: area.x, y: area.maxY - 1, role: .muted, clip: area)
            room = area.rows(from: 0, count: area.height - 1)
        }
        let places = room.stacked(Array(repeating: 1, count: rows)).flatMap { $0.columns(Array(repeating: 1, count: columns)) }
        for (chart, place) in zip(shown, places) { drawChart(chart, into: &buffer, area: place) }
    }

    private func drawChart(_ chart: ResourceDetail.Chart, into buffer: inout CellBuffer, area: Rect) {
        guard area.height >= 2 else { return }
        var x = buffer.put(chart.title, x: area.x, y: area.y, role: .header, clip: area) + area.x + 1
        for (index, line) in chart.lines.enumerated() {
            let latest = line.series.points.last { $0.time <= screen.fetched?.end ?? .infinity }.map { " \(LineChart.number($0.value))" } ?? " -"
            x += buffer.put("\(braille ? "■" : "#") \(line.label)\(latest)", x: x, y: area.y, role: Self.palette[index % Self.palette.count], clip: area) + 1
        }
        if let threshold = chart.threshold { buffer.put("\(braille ? "╌" : "-") alarm at \(LineChart.number(threshold))", x: x, y: area.y, role: .warn, clip: area) }
        let plot = area.rows(from: 1, count: area.height - 1)
        if let refused = chart.refused {
            buffer.put(refused, x: plot.x, y: plot.y, role: .critical, clip: plot)
            return
        }
        let lines = chart.lines.enumerated().map { LineChart.Line(label: $1.label, points: $1.series.points, role: Self.palette[$0 % Self.palette.count]) }
        let fetched = screen.fetched
        LineChart(lines: lines, start: fetched?.start ?? 0, end: fetched?.end ?? 0, unit: chart.unit, threshold: chart.threshold,
                  marks: chart.marks.map { .init(time: $0.time, role: $0.intoAlarm ? .critical : .ok) }, braille: braille)
            .render(into: &buffer, area: plot)
    }
}
