import FoundationEssentials
import Glibc
import AWSCore
import Telemetry

/// A line chart of time series over a fixed time range: a value axis labelled in the chart's unit, a UTC time axis, an
/// optional threshold line and marks on the time axis (alarm state changes). Drawn in braille dots (2x4 per cell), or
/// in plain ASCII (one point per cell) for terminals without Unicode. Gaps in a series stay gaps.
public struct LineChart: Sendable {
    /// One line of the chart.
    public struct Line: Sendable {
        public var label: String
        public var points: [(time: Double, value: Double)]
        public var role: StyleRole

        public init(label: String, points: [(time: Double, value: Double)], role: StyleRole) {
            self.label = label
            self.points = points
            self.role = role
        }
    }

    /// A mark on the time axis: when, and in which role (critical for a change to ALARM, ok for a change to OK).
    public struct Mark: Sendable {
        public var time: Double
        public var role: StyleRole

        public init(time: Double, role: StyleRole) {
            self.time = time
            self.role = role
        }
    }

    public var lines: [Line]
    /// The time range shown, epoch seconds.
    public var start: Double
    public var end: Double
    /// The unit of the values, written on the value axis ("ms", "count/5m", "s").
    public var unit: String
    public var threshold: Double?
    public var marks: [Mark]
    /// Braille dots; false draws plain ASCII.
    public var braille: Bool

    public init(lines: [Line], start: Double, end: Double, unit: String, threshold: Double? = nil, marks: [Mark] = [], braille: Bool = true) {
        self.lines = lines
        self.start = start
        self.end = end
        self.unit = unit
        self.threshold = threshold
        self.marks = marks
        self.braille = braille
    }

    /// The rows a chart needs at least: two of plot, the axis line and the time labels.
    public static let minimumHeight = 4

    /// Draws the chart filling `area`.
    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard area.height >= Self.minimumHeight, area.width >= 12 else {
            buffer.put("(\(area.width)x\(area.height): too small for a chart)", x: area.x, y: area.y, role: .muted, clip: area)
            return
        }
        let top = Self.axisTop(max(lines.flatMap { $0.points.map(\.value) }.max() ?? 0, threshold ?? 0))
        let labels = [Self.number(top), Self.number(top / 2), "0"].map { "\($0) \(unit)" }
        let labelWidth = min(area.width / 3, labels.map(DisplayWidth.of).max() ?? 1)
        let plot = Rect(x: area.x + labelWidth + 1, y: area.y, width: area.width - labelWidth - 1, height: area.height - 2)
        let axisRow = plot.maxY
        for (index, label) in labels.enumerated() {
            let y = [plot.y, plot.y + (plot.height - 1) / 2, plot.maxY - 1][index]
            buffer.put(DisplayWidth.truncate(label, to: labelWidth), x: area.x + labelWidth - min(labelWidth, DisplayWidth.of(label)), y: y, role: .muted, clip: area)
        }
        for y in plot.y..<plot.maxY { buffer.put(braille ? "│" : "|", x: plot.x - 1, y: y, role: .border) }
        buffer.put(braille ? "└" : "+", x: plot.x - 1, y: axisRow, role: .border)
        buffer.put(String(repeating: braille ? "─" : "-", count: plot.width), x: plot.x, y: axisRow, role: .border)
        timeLabels(into: &buffer, plot: plot, row: axisRow + 1)
        if let threshold, top > 0 {
            let y = plot.maxY - 1 - Int((threshold / top * Double(plot.height - 1)).rounded())
            buffer.put(String(repeating: braille ? "╌" : "-", count: plot.width), x: plot.x, y: max(plot.y, y), role: .warn)
        }
        let dotsWide = plot.width * (braille ? 2 : 1), dotsHigh = plot.height * (braille ? 4 : 1)
        var grid = DotGrid(width: dotsWide, height: dotsHigh)
        for line in lines {
            let dots = line.points.filter { $0.time >= start && $0.time <= end }.map { point in
                (x: column(point.time, of: dotsWide), y: top > 0 ? Int((max(0, point.value) / top * Double(dotsHigh - 1)).rounded()) : 0, time: point.time)
            }
            let spacing = Self.typicalSpacing(dots.map(\.time))
            for (index, dot) in dots.enumerated() {
                grid.set(dot.x, dot.y, line.role, point: true)
                guard index > 0, dot.time - dots[index - 1].time <= spacing * 1.5 else { continue }
                grid.join(from: (dots[index - 1].x, dots[index - 1].y), to: (dot.x, dot.y), line.role)
            }
        }
        grid.draw(into: &buffer, plot: plot, braille: braille)
        if lines.allSatisfy({ $0.points.allSatisfy { $0.time < start || $0.time > end } }) {
            let notice = "no datapoints in this range"
            buffer.put(notice, x: plot.x + max(0, (plot.width - notice.count) / 2), y: plot.y + plot.height / 2, role: .muted, clip: plot)
        }
        for mark in marks where mark.time >= start && mark.time <= end {
            buffer.put(braille ? "▲" : "^", x: plot.x + column(mark.time, of: plot.width), y: axisRow, role: mark.role)
        }
    }

    /// The dot column of `time` among `columns`.
    private func column(_ time: Double, of columns: Int) -> Int {
        guard end > start else { return 0 }
        return min(columns - 1, max(0, Int(((time - start) / (end - start) * Double(columns - 1)).rounded())))
    }

    /// UTC times under the axis: at the start, the middle and the end where they fit.
    private func timeLabels(into buffer: inout CellBuffer, plot: Rect, row: Int) {
        let long = end - start > 86_400 * 1.5
        func label(_ time: Double) -> String {
            let date = Date(timeIntervalSince1970: time)
            let clock = String(Format.clock(date).prefix(5))
            guard long else { return clock }
            let day = Format.civilDate(daysSinceEpoch: Int((time / 86_400).rounded(.down)))
            return "\(Format.pad2(day.month))-\(Format.pad2(day.day)) \(clock.prefix(2))h"
        }
        let first = label(start), last = label(end) + " UTC"
        guard first.count + last.count + 1 <= plot.width else {
            buffer.put(last, x: max(plot.x, plot.maxX - last.count), y: row, role: .muted, clip: Rect(x: plot.x, y: row, width: plot.width, height: 1))
            return
        }
        buffer.put(first, x: plot.x, y: row, role: .muted)
        buffer.put(last, x: plot.maxX - last.count, y: row, role: .muted)
        let middle = label((start + end) / 2)
        let x = plot.x + plot.width / 2 - middle.count / 2
        if x > plot.x + first.count + 1, x + middle.count < plot.maxX - last.count - 1 { buffer.put(middle, x: x, y: row, role: .muted) }
    }

    /// The top of the value axis: a round number at or above `peak` (1, 2 or 5 times a power of ten).
    static func axisTop(_ peak: Double) -> Double {
        guard peak > 0, peak.isFinite else { return 1 }
        let power = pow(10, (log10(peak)).rounded(.down))
        return [1, 2, 5, 10].map { $0 * power }.first { $0 >= peak } ?? 10 * power
    }

    /// An axis number: "0.5", "20", "1.5k".
    static func number(_ value: Double) -> String {
        value < 10 && value != value.rounded() ? Format.oneDecimal(value) : Format.count(value)
    }

    /// The usual time between points: the smallest step, so a missing period shows as a gap.
    static func typicalSpacing(_ times: [Double]) -> Double {
        zip(times.dropFirst(), times).map { $0 - $1 }.filter { $0 > 0 }.min() ?? .infinity
    }
}

/// The dots of a chart, each remembering the role of the line that set it last.
private struct DotGrid {
    let width: Int
    let height: Int
    var roles: [StyleRole?]
    var points: Set<Int> = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        roles = Array(repeating: nil, count: width * height)
    }

    mutating func set(_ x: Int, _ y: Int, _ role: StyleRole, point: Bool = false) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        roles[y * width + x] = role
        if point { points.insert(y * width + x) }
    }

    /// Sets the dots between two points: a step at each column, filled vertically so steep changes stay joined.
    mutating func join(from a: (Int, Int), to b: (Int, Int), _ role: StyleRole) {
        let steps = max(1, b.0 - a.0)
        for step in 0...steps {
            let x = a.0 + step
            let y0 = a.1 + (b.1 - a.1) * step / steps
            let y1 = a.1 + (b.1 - a.1) * min(steps, step + 1) / steps
            for y in min(y0, y1)...max(y0, y1) { set(x, y, role) }
        }
    }

    /// Writes the dots into `plot`: braille cells of 2x4 dots, or one character a dot ("*" at datapoints, "." between).
    func draw(into buffer: inout CellBuffer, plot: Rect, braille: Bool) {
        let bits: [[UInt32]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
        for row in 0..<plot.height {
            for column in 0..<plot.width {
                var mask: UInt32 = 0
                var role: StyleRole?
                var isPoint = false
                let (cellWidth, cellHeight) = braille ? (2, 4) : (1, 1)
                for dy in 0..<cellHeight {
                    for dx in 0..<cellWidth {
                        // Dot rows count up from the bottom of the plot.
                        let x = column * cellWidth + dx, y = (plot.height - 1 - row) * cellHeight + (cellHeight - 1 - dy)
                        guard let set = roles[y * width + x] else { continue }
                        mask |= bits[dy][dx]
                        role = set
                        isPoint = isPoint || points.contains(y * width + x)
                    }
                }
                guard let role else { continue }
                let glyph = braille ? String(UnicodeScalar(0x2800 + mask)!) : (isPoint ? "*" : ".")
                buffer.put(glyph, x: plot.x + column, y: plot.y + row, role: role)
            }
        }
    }
}
