import AWSCore
import Telemetry
/// A one-row bar chart of recent values, coloured against a threshold.
public struct Sparkline: Sendable {
    public var values: [Double]
    public var threshold: Double?

    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public init(values: [Double], threshold: Double? = nil) {
        self.values = values
        self.threshold = threshold
    }

    /// Draws the most recent values that fit `width` columns at (x, y).
    public func render(into buffer: inout CellBuffer, area: Rect) {
        let (x, y, width) = (area.x, area.y, area.width)
        guard width > 0, area.height > 0 else { return }
        let shown = values.suffix(width)
        let top = max(shown.max() ?? 0, threshold ?? 0)
        for (offset, value) in shown.enumerated() {
            let level = top > 0 ? Int(saturating: (value / top * Double(Self.bars.count - 1)).rounded()) : 0
            let bar = Self.bars[min(max(0, level), Self.bars.count - 1)]
            let role: StyleRole
            if let threshold, value > threshold {
                role = .critical
            } else if value <= 0 {
                role = .muted
            } else {
                role = .ok
            }
            buffer.put(String(bar), x: x + offset, y: y, role: role)
        }
    }
}
