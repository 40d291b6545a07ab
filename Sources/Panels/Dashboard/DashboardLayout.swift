import AWSCore
import Telemetry
/// Where each panel goes for a given screen size and zoom.
public enum DashboardLayout {
    /// Below this the dashboard shows only a notice.
    public static let minimumSize = (width: 20, height: 5)
    /// From this size up, all seven panels share the screen.
    public static let gridSize = (width: 100, height: 30)

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
        let bands = body.stacked([32, 24, 24, 20])
        let top = bands[0].columns([58, 42])
        let middle = bands[1].columns([1, 1])
        let lower = bands[2].columns([1, 1])
        return .grid([
            .stacks: top[0], .alarms: top[1], .replication: middle[0], .lambda: middle[1],
            .dynamodb: lower[0], .flowLogs: lower[1], .compliance: bands[3],
        ])
    }
}
