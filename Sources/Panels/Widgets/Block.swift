import AWSCore
import Telemetry
/// A bordered box with a title on its top edge.
public struct Block: Sendable {
    public var title: String
    public var trailer: String
    public var focused: Bool

    public init(title: String, trailer: String = "", focused: Bool = false) {
        self.title = title
        self.trailer = trailer
        self.focused = focused
    }

    /// Draws the border and titles in `rect`; returns the inner area.
    @discardableResult
    public func render(into buffer: inout CellBuffer, area rect: Rect) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let role: StyleRole = focused ? .borderFocused : .border
        let top = rect.y
        let bottom = rect.maxY - 1
        for x in rect.x + 1..<rect.maxX - 1 {
            buffer.put("─", x: x, y: top, role: role)
            buffer.put("─", x: x, y: bottom, role: role)
        }
        for y in top + 1..<bottom {
            buffer.put("│", x: rect.x, y: y, role: role)
            buffer.put("│", x: rect.maxX - 1, y: y, role: role)
        }
        buffer.put("┌", x: rect.x, y: top, role: role)
        buffer.put("┐", x: rect.maxX - 1, y: top, role: role)
        buffer.put("└", x: rect.x, y: bottom, role: role)
        buffer.put("┘", x: rect.maxX - 1, y: bottom, role: role)
        let edge = Rect(x: rect.x + 1, y: top, width: rect.width - 2, height: 1)
        let titleText = DisplayWidth.truncate(" \(title) ", to: edge.width)
        let titleWidth = buffer.put(titleText, x: edge.x, y: top, role: focused ? .title : .header, clip: edge)
        let room = edge.width - titleWidth - 1
        if !trailer.isEmpty, room >= 6 {
            let trailerText = DisplayWidth.truncate(" \(trailer) ", to: room)
            buffer.put(trailerText, x: edge.maxX - DisplayWidth.of(trailerText), y: top, role: .muted, clip: edge)
        }
        return rect.inset(1)
    }

    /// Writes `text` (such as the scroll position) at the right of the bottom edge of a block drawn in `rect`.
    public func footer(_ text: String, in rect: Rect, _ buffer: inout CellBuffer) {
        guard !text.isEmpty, rect.width > 4, rect.height >= 2 else { return }
        let shown = DisplayWidth.truncate(" \(text) ", to: rect.width - 2)
        buffer.put(shown, x: rect.maxX - 1 - DisplayWidth.of(shown), y: rect.maxY - 1, role: .muted)
    }
}
