import AWSCore
import Telemetry
/// One labelled line of an overlay box.
struct OverlayLine {
    let label: String
    let value: String
}

/// A bordered box centred over the panels, listing labelled values with long values wrapped.
struct Overlay {
    let title: String
    let lines: [OverlayLine]
    /// Lines scrolled past at the top, kept so the last page stays full.
    let scroll: Int

    /// Draws the box within `area`.
    func render(into buffer: inout CellBuffer, area: Rect) {
        let labelWidth = min(22, lines.map { DisplayWidth.of($0.label) }.max() ?? 0)
        let boxWidth = min(area.width - 2, max(40, min(90, labelWidth + 3 + (lines.map { DisplayWidth.of($0.value) }.max() ?? 0) + 2)))
        let valueWidth = max(1, boxWidth - 2 - labelWidth - 3)
        let body = lines.flatMap { line -> [(String, String)] in
            Dashboard.wrap(line.value, width: valueWidth).enumerated().map { ($0.offset == 0 ? line.label : "", $0.element) }
        }
        let box = area.centered(width: boxWidth, height: body.count + 2)
        buffer.fill(box)
        let inner = Block(title: title, focused: true).render(into: &buffer, area: box)
        let first = min(max(0, scroll), max(0, body.count - inner.height))
        for (index, entry) in body.dropFirst(first).prefix(inner.height).enumerated() {
            let y = inner.y + index
            buffer.put(DisplayWidth.truncate(entry.0, to: labelWidth), x: inner.x + 1, y: y, role: .accent, clip: inner)
            buffer.put(entry.1, x: inner.x + 1 + labelWidth + 2, y: y, role: .text, clip: inner)
        }
        if body.count > inner.height {
            Block(title: title).footer("\(first + inner.height)/\(body.count)", in: box, &buffer)
        }
    }
}
