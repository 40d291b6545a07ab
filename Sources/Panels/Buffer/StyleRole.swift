import AWSCore
import Telemetry
/// The semantic roles a cell is drawn in; a theme maps each to colours and attributes.
public enum StyleRole: Int, CaseIterable, Sendable, Codable {
    case text, muted, accent, ok, warn, critical, border, borderFocused, title, header, selection, statusBar, marker

    /// The role's name as written in theme files.
    public var name: String {
        switch self {
        case .borderFocused: return "border_focused"
        case .statusBar: return "status_bar"
        default: return String(describing: self)
        }
    }
}
