import Panels
import AWSCore
import Telemetry
import Recording

/// How one role is drawn: colours for colour terminals, attributes everywhere, and attributes alone without colour.
public struct RoleStyle: Equatable, Sendable {
    public var foreground: ThemeColor = .terminalDefault
    public var background: ThemeColor = .terminalDefault
    public var bold = false
    public var dim = false
    public var underline = false
    public var reverse = false
    /// Attributes used instead of colours on monochrome terminals or with NO_COLOR.
    public var mono: Set<Attribute> = []

    /// A text attribute a terminal can show without colour.
    public enum Attribute: String, CaseIterable, Sendable {
        case bold, dim, underline, reverse
    }
}

/// A theme: a style for every role, indexed by role so drawing needs no lookups by name.
public struct Theme: Equatable, Sendable {
    public var name: String
    private(set) var styles: [RoleStyle]

    public subscript(role: StyleRole) -> RoleStyle {
        get { styles[role.rawValue] }
        set { styles[role.rawValue] = newValue }
    }

    /// The built-in dark theme, which every theme file starts from.
    public static let dark: Theme = {
        var theme = Theme(name: "dark", styles: Array(repeating: RoleStyle(), count: StyleRole.allCases.count))
        func set(_ role: StyleRole, _ fg: Int?, _ bg: Int? = nil, bold: Bool = false, mono: Set<RoleStyle.Attribute> = []) {
            theme[role] = RoleStyle(foreground: fg.map(ThemeColor.indexed) ?? .terminalDefault,
                                    background: bg.map(ThemeColor.indexed) ?? .terminalDefault, bold: bold, mono: mono)
        }
        set(.text, nil)
        set(.muted, 245, mono: [.dim])
        set(.accent, 75, mono: [.bold])
        set(.ok, 114)
        set(.warn, 221, bold: true, mono: [.bold])
        set(.critical, 203, bold: true, mono: [.bold, .underline])
        set(.border, 240, mono: [.dim])
        set(.borderFocused, 75, mono: [.bold])
        set(.title, 231, bold: true, mono: [.bold])
        set(.header, 250, bold: true, mono: [.bold])
        set(.selection, 231, 25, mono: [.reverse])
        set(.statusBar, 252, 236, mono: [.reverse])
        set(.marker, 201, mono: [.reverse])
        for (role, color) in [(StyleRole.envRed, 196), (.envYellow, 226), (.envGreen, 46), (.envBlue, 39), (.envMagenta, 207), (.envCyan, 51)] {
            set(role, color, bold: true, mono: [.bold, .underline])
        }
        return theme
    }()
}
