import FoundationEssentials
import AWSCore
import Telemetry

/// Draws a log tail over the panels' area: events oldest at the top, newest at the bottom (or scrolled back), each
/// with its time, environment and group; error, timeout, throttling and REPORT lines in their own roles, JSON lines
/// as key=value, stack traces indented under their line; the top-errors report above when there is one.
public struct LogView: Sendable {
    public var screen: LogScreen
    public var environments: [String: EnvironmentLook]

    public init(screen: LogScreen, environments: [String: EnvironmentLook] = [:]) {
        self.screen = screen
        self.environments = environments
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        buffer.fill(area)
        let tail = screen.tail
        let state = screen.paused ? "PAUSED" : screen.scroll > 0 ? "scrolled back \(screen.scroll)" : "following"
        let pattern = tail.pattern.map { " · filter \($0)" } ?? ""
        let block = Block(title: "logs \(screen.title) · \(state)\(pattern)",
                          trailer: "Esc back · / filter · Space pause · i top errors · \(tail.events.count) events · \(tail.calls) calls", focused: true)
        var inner = block.render(into: &buffer, area: area)
        guard !inner.isEmpty else { return }
        for (source, failure) in tail.failures.sorted(by: { ($0.key.environment, $0.key.group) < ($1.key.environment, $1.key.group) }) where inner.height > 1 {
            buffer.put("\(source.environment) \(source.group): \(failure)", x: inner.x, y: inner.y, role: .critical, clip: inner)
            inner = inner.rows(from: 1)
        }
        if screen.querying || screen.topErrors != nil { inner = drawTopErrors(into: &buffer, area: inner) }
        let lines = self.lines(last: inner.height + screen.scroll)
        guard !lines.isEmpty else {
            let waiting = !screen.hasRead ? "reading the last \(Int(LogTail.backfill / 60)) minutes…" : "no events in the last \(Int(LogTail.backfill / 60)) minutes\(pattern.isEmpty ? "" : " matching the filter"); new ones appear as they are logged"
            buffer.put(waiting, x: inner.x, y: inner.y, role: .muted, clip: inner)
            return
        }
        let last = max(0, lines.count - min(screen.scroll, max(0, lines.count - inner.height)))
        for (index, line) in lines[max(0, last - inner.height)..<last].enumerated() {
            var x = inner.x
            for span in line { x += buffer.put(span.text, x: x, y: inner.y + index, role: span.role, clip: inner) }
        }
    }

    /// One piece of a drawn line.
    struct Span {
        var text: String
        var role: StyleRole
    }

    /// The newest events as drawn lines, at least `count` of them where there are: the first line of an event with its
    /// time, environment and group, the rest (a stack trace) indented. Only what can be seen is built.
    func lines(last count: Int) -> [[Span]] {
        var built: [[[Span]]] = []
        var total = 0
        let multiGroup = Set(screen.tail.sources.map(\.group)).count > 1
        for event in screen.tail.events.reversed() where total < count {
            let lines = self.lines(of: event, multiGroup: multiGroup)
            built.append(lines)
            total += lines.count
        }
        return built.reversed().flatMap { $0 }
    }

    /// One event's lines.
    private func lines(of event: LogEvent, multiGroup: Bool) -> [[Span]] {
        let role = Self.role(event.kind)
        let clock = Format.clock(Date(timeIntervalSince1970: event.time))
        let environment = Span(text: Format.padded(event.environment, to: 8), role: environments[event.environment]?.color.map(StyleRole.environment) ?? .accent)
        let group = multiGroup ? [Span(text: String(event.group.split(separator: "/").last ?? "") + " ", role: .muted)] : []
        let text = event.readable
        let head = [Span(text: clock + " ", role: .muted), environment] + group + [Span(text: text.first ?? "", role: role)]
        return [head] + text.dropFirst().map { [Span(text: String(repeating: " ", count: 18) + $0, role: role == .text ? .muted : role)] }
    }

    /// The role of a line of each kind.
    static func role(_ kind: LogEvent.Kind) -> StyleRole {
        switch kind {
        case .error, .timeout: .critical
        case .throttled: .warn
        case .report: .muted
        case .plain: .text
        }
    }

    /// The top-errors report at the top of `area`; returns what is left below it.
    private func drawTopErrors(into buffer: inout CellBuffer, area: Rect) -> Rect {
        let range = screen.insightsRange.label
        guard let report = screen.topErrors, !screen.querying else {
            buffer.put("Logs Insights: top errors of the last \(range) running…", x: area.x, y: area.y, role: .muted, clip: area)
            return area.rows(from: 1)
        }
        let cost = InsightsResult.cost(ofScanning: report.bytesScanned)
        var lines: [(String, StyleRole)] = [("Top errors, last \(range) (Logs Insights: \(Format.bytes(report.bytesScanned)) scanned, \(cost); \(report.calls) calls)", .header)]
        lines += report.note.map { [($0, .muted)] } ?? []
        lines += report.failures.map { ($0, .critical) }
        lines += report.ranked.isEmpty && report.failures.isEmpty ? [("no error lines in the range", .muted)] : report.ranked.prefix(8).map { ("\(Format.padded(Format.count($0.count), to: 7)) \($0.error)", .critical) }
        let shown = lines.prefix(max(1, area.height / 2))
        for (index, line) in shown.enumerated() { buffer.put(line.0, x: area.x, y: area.y + index, role: line.1, clip: area) }
        buffer.put(String(repeating: "─", count: area.width), x: area.x, y: area.y + shown.count, role: .border, clip: area)
        return area.rows(from: shown.count + 1)
    }
}
