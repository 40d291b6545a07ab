import AWSCore
import Telemetry
/// The semantic roles a cell is drawn in; a theme maps each to colours and attributes.
public enum StyleRole: Int, CaseIterable, Sendable, Codable {
    case text, muted, accent, ok, warn, critical, border, borderFocused, title, header, selection, statusBar, marker
    /// Environment colours (config.toml `color`), for environment names and banners.
    case envRed, envYellow, envGreen, envBlue, envMagenta, envCyan

    /// The role of an environment's colour.
    public static func environment(_ color: EnvironmentLook.Color) -> StyleRole {
        switch color {
        case .red: .envRed
        case .yellow: .envYellow
        case .green: .envGreen
        case .blue: .envBlue
        case .magenta: .envMagenta
        case .cyan: .envCyan
        }
    }

    /// The role's name as written in theme files.
    public var name: String {
        switch self {
        case .borderFocused: return "border_focused"
        case .statusBar: return "status_bar"
        case .envRed: return "env_red"
        case .envYellow: return "env_yellow"
        case .envGreen: return "env_green"
        case .envBlue: return "env_blue"
        case .envMagenta: return "env_magenta"
        case .envCyan: return "env_cyan"
        default: return String(describing: self)
        }
    }
}
