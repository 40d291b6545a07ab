import Telemetry
import AWSCore

/// What a panel shows for one snapshot: its sections of rows and a one-line summary for its border.
public struct PanelContent: Sendable {
    public var sections: [TableSection]
    public var summary: String
    /// The title of the view when it is not the panel's own (an alternate's).
    public var title: String?
    /// The panel's other view of the same data (Parity's Posture view), which the view key switches to.
    public var alternate: Alternate?

    /// An alternate view's title, sections and summary.
    public struct Alternate: Sendable {
        public var title: String
        public var sections: [TableSection]
        public var summary: String
    }

    public init(sections: [TableSection], summary: String, title: String? = nil) {
        self.sections = sections
        self.summary = summary
        self.title = title
    }

    /// The content with only rows holding every word of `filter` (case-insensitive substrings); all rows for an
    /// empty filter.
    public func filtered(by filter: String) -> PanelContent {
        let words = filter.lowercased().split(separator: " ").map(String.init)
        guard !words.isEmpty else { return self }
        var copy = self
        for index in copy.sections.indices {
            copy.sections[index].rows.removeAll { row in !words.allSatisfy { TextSearch.contains(row.search, $0) } }
        }
        return copy
    }

    /// The rows with `order` applied within each section, the sorted column's header marked ▲ or ▼.
    public func sorted(by order: SortOrder?) -> PanelContent {
        guard let order else { return self }
        var copy = self
        for index in copy.sections.indices where copy.sections[index].columns.indices.contains(order.column) {
            copy.sections[index].rows = order.sort(copy.sections[index].rows)
            var column = copy.sections[index].columns[order.column]
            column.title += order.descending ? "▼" : "▲"
            column.minWidth = max(column.minWidth, DisplayWidth.of(column.title))
            copy.sections[index].columns[order.column] = column
        }
        return copy
    }

    /// How many rows there are, across sections.
    public var rowCount: Int { sections.reduce(0) { $0 + $1.rows.count } }

    /// Every row, across sections, in display order.
    public var rows: [PanelRow] { sections.flatMap(\.rows) }
}

/// A panel turns a snapshot into rows; drawing is shared.
public protocol Panel: Sendable {
    var id: PanelID { get }
    /// The panel's rows and summary for `snapshot`.
    func content(for snapshot: Snapshot) -> PanelContent
}

/// The panels in focus order, from the panel table.
public enum PanelCatalog {
    public static let all: [any Panel] = PanelID.allCases.map(\.spec.panel)

    /// The panel with `id`.
    public static func panel(_ id: PanelID) -> any Panel { id.spec.panel }

    /// The panels whose rows are built when a snapshot arrives.
    public static var prebuilt: [any Panel] { all.filter { $0.id.spec.prebuilt } }

    /// The rows of every prebuilt panel for `snapshot`, built off the event loop so its next frame only draws.
    public static func prebuiltContents(for snapshot: Snapshot) -> [PanelID: PanelContent] {
        Dictionary(uniqueKeysWithValues: prebuilt.map { ($0.id, $0.content(for: snapshot)) })
    }
}
