/// Something drawn into an area of the cell buffer, as ratatui's `Widget`: blocks, tables, sparklines, overlays, the
/// tab strip. `Output` is what the caller needs back (a block's inner area, a table's notes).
public protocol Widget {
    associatedtype Output = Void
    /// Draws into `area` of `buffer`, writing nothing outside it.
    func render(into buffer: inout CellBuffer, area: Rect) -> Output
}

extension Block: Widget {}
extension TableView: Widget {}
extension Sparkline: Widget {}
extension Overlay: Widget {}
extension TabStrip: Widget {}
