import AWSCore
import Telemetry
/// Where each panel goes for a given screen size and zoom.
public enum DashboardLayout {
    /// Below this the dashboard shows only a notice.
    public static let minimumSize = (width: 20, height: 5)
    /// From this size up, all seven panels share the screen.
    public static let gridSize = (width: 100, height: 30)

    /// The grid's bands, top to bottom, as shares of the body's height; each panel's spec names its band.
    static let bandHeights = [32, 24, 24, 20]

    /// How the body is arranged.
    public enum Arrangement: Equatable, Sendable {
        /// All panels at once.
        case grid([PanelID: Rect])
        /// A tab strip and the focused panel.
        case tabs(strip: Rect, panel: Rect)
        /// The focused panel alone.
        case zoomed(Rect)
    }

    /// Arranges `body` for the focus and zoom of `view`.
    public static func arrange(_ body: Rect, zoomed: Bool) -> Arrangement {
        if zoomed { return .zoomed(body) }
        guard body.width >= gridSize.width, body.height + 2 >= gridSize.height else {
            return .tabs(strip: body.rows(from: 0, count: 1), panel: body.rows(from: 1))
        }
        let bands = body.stacked(bandHeights)
        var grid: [PanelID: Rect] = [:]
        for (index, band) in bands.enumerated() {
            let members = PanelID.allCases.filter { $0.spec.band == index }
            for (id, rect) in zip(members, band.columns(members.map(\.spec.width))) { grid[id] = rect }
        }
        return .grid(grid)
    }
}
