import FoundationEssentials
import AWSCore
import Telemetry

/// The interface state the dashboard draws: focus, zoom, selections, filters, overlays, prompt and mode.
public struct DashboardView: Sendable {
    public var focus: PanelID = .stacks
    public var zoomed = false
    public var selection: [PanelID: Int] = [:]
    public var filters: [PanelID: String] = [:]
    /// The panels showing their alternate view (`p`: Parity's Posture view).
    public var alternates: Set<PanelID> = []
    /// Each panel's sort, when the user chose one (`s`, `S`).
    public var sorts: [PanelID: SortOrder] = [:]
    public var overlay: Overlay = .none
    /// Lines the open overlay is scrolled down by.
    public var overlayScroll = 0
    public var prompt: Prompt?
    public var message: StatusMessage?
    public var mode: Mode = .live
    /// Whether the rest of the recording being replayed is still loading.
    public var replayLoading = false
    public var now: Date
    public var help: [HelpLine] = []
    public var hints: [HelpLine] = []
    /// Bumped whenever the snapshot shown changes, so cached panel rows are rebuilt.
    public var dataVersion = 0
    /// What the `.report` overlay shows (drift differences, alarm history).
    public var report: Report?
    /// The detail view the `.detail` overlay shows, for a row that names its resource.
    public var detail: DetailScreen?
    /// Whether charts may use braille dots (a UTF-8 locale); ASCII otherwise.
    public var braille = true
    /// The log tail the `.logs` overlay shows.
    public var logs: LogScreen?
    /// Each environment's colour and banner, by name.
    public var environments: [String: EnvironmentLook] = [:]

    /// The role an environment's name is drawn in, if it has a colour.
    public func role(of environment: String) -> StyleRole? {
        environments[environment]?.color.map(StyleRole.environment)
    }

    public init(now: Date) {
        self.now = now
    }

    /// `content` of panel `id` as shown: filtered by its filter, then in its chosen order.
    public func shown(_ id: PanelID, _ content: PanelContent) -> PanelContent {
        viewing(id, content).filtered(by: filters[id] ?? "").sorted(by: sorts[id])
    }

    /// `content` of panel `id` in the view the user chose: its alternate when `p` switched to it.
    public func viewing(_ id: PanelID, _ content: PanelContent) -> PanelContent {
        guard alternates.contains(id), let alternate = content.alternate else { return content }
        return PanelContent(sections: alternate.sections, summary: alternate.summary, title: alternate.title)
    }

    /// A box drawn over the panels.
    public enum Overlay: Equatable, Sendable {
        case none, help, detail, report, logs
    }

    /// A titled list of label/value lines fetched for the selected row.
    public struct Report: Equatable, Sendable {
        public var title: String
        public var lines: [(label: String, value: String)]

        public init(title: String, lines: [(label: String, value: String)]) {
            self.title = title
            self.lines = lines
        }

        public static func == (a: Report, b: Report) -> Bool {
            a.title == b.title && a.lines.map(\.label) == b.lines.map(\.label) && a.lines.map(\.value) == b.lines.map(\.value)
        }
    }

    /// A line of input being typed at the bottom of the screen.
    public struct Prompt: Equatable, Sendable {
        public var kind: Kind
        public var text: String

        public init(kind: Kind, text: String = "") {
            self.kind = kind
            self.text = text
        }

        /// What the typed text is for; a confirmation carries its question.
        public enum Kind: Equatable, Sendable {
            case filter, command, muteDuration, logPattern
            case confirm(String)
        }

        /// What is shown before the typed text.
        public var label: String {
            switch kind {
            case .filter: "/"
            case .command: ":"
            case .muteDuration: "mute actions for (30m, 2h, 1d): "
            case .logPattern: "filter pattern (CloudWatch Logs syntax; empty clears): "
            case .confirm(let question): "\(question) [y/N] "
            }
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
