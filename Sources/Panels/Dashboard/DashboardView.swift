import Foundation

/// The interface state the dashboard draws: focus, zoom, selections, filters, overlays, prompt and mode.
public struct DashboardView: Sendable {
    public var focus: PanelID = .stacks
    public var zoomed = false
    public var selection: [PanelID: Int] = [:]
    public var filters: [PanelID: String] = [:]
    public var overlay: Overlay = .none
    /// Lines the open overlay is scrolled down by.
    public var overlayScroll = 0
    public var prompt: Prompt?
    public var message: StatusMessage?
    public var mode: Mode = .live
    public var now: Date
    public var help: [HelpLine] = []
    public var hints: [HelpLine] = []

    public init(now: Date) {
        self.now = now
    }

    /// A box drawn over the panels.
    public enum Overlay: Equatable, Sendable {
        case none, help, detail
    }

    /// A line of input being typed at the bottom of the screen.
    public struct Prompt: Equatable, Sendable {
        public var kind: Kind
        public var text: String

        public init(kind: Kind, text: String = "") {
            self.kind = kind
            self.text = text
        }

        /// What the typed text is for.
        public enum Kind: Character, Sendable {
            case filter = "/"
            case command = ":"
        }
    }

    /// A one-line notice in place of the key hints.
    public struct StatusMessage: Equatable, Sendable {
        public var text: String
        public var role: StyleRole

        public init(_ text: String, role: StyleRole = .text) {
            self.text = text
            self.role = role
        }
    }

    /// Where the data comes from, shown at the right of the status bar.
    public enum Mode: Equatable, Sendable {
        case live
        case replay(speed: Double, paused: Bool, position: Double, duration: Double)
    }

    /// One key binding as help shows it.
    public struct HelpLine: Equatable, Sendable {
        public var keys: String
        public var text: String
        public var dangerous: Bool

        public init(keys: String, text: String, dangerous: Bool = false) {
            self.keys = keys
            self.text = text
            self.dangerous = dangerous
        }
    }

    /// The selected row of `panel`, kept within `count` rows.
    public func selectedRow(_ panel: PanelID, count: Int) -> Int? {
        count == 0 ? nil : min(max(0, selection[panel] ?? 0), count - 1)
    }
}
