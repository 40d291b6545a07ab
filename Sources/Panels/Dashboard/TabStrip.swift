import AWSCore
import Telemetry
/// The one-line list of panels shown when only the focused panel fits.
struct TabStrip {
    let focus: PanelID

    /// Draws the strip across `rect`'s first row: every panel's number, with names where they fit.
    func render(into buffer: inout CellBuffer, area rect: Rect) {
        let named = PanelID.allCases.map { " \($0.rawValue) \($0.tab) " }
        let fitsNames = named.reduce(0) { $0 + DisplayWidth.of($1) } <= rect.width
        var x = rect.x
        for (index, id) in PanelID.allCases.enumerated() {
            let label = fitsNames || id == focus ? named[index] : " \(id.rawValue) "
            x += buffer.put(label, x: x, y: rect.y, role: id == focus ? .selection : .muted, clip: rect)
        }
    }
}
