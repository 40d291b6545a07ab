import AWSCore
import Telemetry
/// A column of a table: header, how it sizes, alignment, and how readily it is dropped when space is short.
public struct Column: Sendable {
    public var title: String
    public var minWidth: Int
    public var flexible: Bool
    public var alignRight: Bool
    /// Columns with higher numbers are dropped first on narrow screens; 0 is never dropped.
    public var dropOrder: Int

    public init(_ title: String, width: Int, flexible: Bool = false, alignRight: Bool = false, dropOrder: Int = 0) {
        self.title = title
        self.minWidth = width
        self.flexible = flexible
        self.alignRight = alignRight
        self.dropOrder = dropOrder
    }
}

/// What one table cell shows.
public enum TableCell: Sendable {
    case text(String, StyleRole)
    case spark([Double], threshold: Double?)

    /// A plain text cell.
    public static func plain(_ text: String) -> TableCell { .text(text, .text) }
}

/// A row of a panel: its cells, the fields the detail view shows, and the text the filter matches.
public struct PanelRow: Sendable {
    public var cells: [TableCell]
    /// The fields the detail view shows, made only when it is opened.
    private let makeDetail: @Sendable () -> [(String, String)]
    public var search: String
    /// The environment the row's data comes from, so rows of a stale account can be dimmed.
    public var environment: String?
    /// Identifies the item behind the row (an alarm's or stack's key), for actions on the selected row.
    public var key: String?
    /// The AWS resource the row shows, for copying its ARN or CLI command and linking to its console page.
    public var resource: ResourceRef?

    public init(cells: [TableCell], detail: @autoclosure @escaping @Sendable () -> [(String, String)], search: String, environment: String? = nil, key: String? = nil,
                resource: ResourceRef? = nil) {
        self.cells = cells
        makeDetail = detail
        self.search = search.lowercased()
        self.environment = environment
        self.key = key
        self.resource = resource
    }

    /// The label/value pairs of the detail view.
    public var detail: [(String, String)] { makeDetail() }
}

/// A titled group of rows sharing one set of columns.
public struct TableSection: Sendable {
    public var title: String?
    public var columns: [Column]
    public var rows: [PanelRow]

    public init(title: String? = nil, columns: [Column], rows: [PanelRow]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }

    /// Column widths for `width` columns of space: nil for columns dropped to make room.
    public func layout(width: Int) -> [Int?] {
        var kept = Array(columns.indices)
        func needed(_ indices: [Int]) -> Int { indices.reduce(0) { $0 + columns[$1].minWidth } + max(0, indices.count - 1) }
        while needed(kept) > width, let drop = kept.filter({ columns[$0].dropOrder > 0 }).max(by: { columns[$0].dropOrder < columns[$1].dropOrder }) {
            kept.removeAll { $0 == drop }
        }
        let spare = max(0, width - needed(kept))
        let flexible = kept.filter { columns[$0].flexible }
        var widths = [Int?](repeating: nil, count: columns.count)
        for (n, index) in kept.enumerated() {
            var w = columns[index].minWidth
            if let position = flexible.firstIndex(of: index) {
                w += spare / flexible.count + (position < spare % flexible.count ? 1 : 0)
            } else if flexible.isEmpty && n == kept.count - 1 {
                w += spare
            }
            widths[index] = w
        }
        return widths
    }
}

/// Draws table sections, highlighting and scrolling to the selected row.
public struct TableView: Sendable {
    public var sections: [TableSection]
    /// Index of the selected row across all sections, or nil for none.
    public var selected: Int?
    /// Environments whose data is stale: their rows are drawn muted.
    public var stale: Set<String>
    /// The role each environment's name is drawn in, in a column titled ENV.
    public var environmentRoles: [String: StyleRole] = [:]

    public init(sections: [TableSection], selected: Int?, stale: Set<String> = []) {
        self.sections = sections
        self.selected = selected
        self.stale = stale
    }

    /// Draws into `rect`; returns "last shown/total" for each section with rows out of view.
    @discardableResult
    public func render(into buffer: inout CellBuffer, area rect: Rect) -> [String] {
        guard !rect.isEmpty, !sections.isEmpty else { return [] }
        var top = rect.y
        let parts = Self.heights(needs: sections.map { $0.rows.count + ($0.title == nil ? 1 : 2) }, total: rect.height).map { height in
            defer { top += height }
            return Rect(x: rect.x, y: top, width: rect.width, height: height)
        }
        var firstRow = 0
        var overflow: [String] = []
        for (section, area) in zip(sections, parts) {
            let local = selected.map { $0 - firstRow }.flatMap { (0..<section.rows.count).contains($0) ? $0 : nil }
            if let position = render(section, selected: local, in: area, &buffer) { overflow.append(position) }
            firstRow += section.rows.count
        }
        return overflow
    }

    /// Splits `total` rows among sections needing `needs` rows: small sections get all they need, the rest share
    /// what is left evenly, and any spare rows go to the last section.
    static func heights(needs: [Int], total: Int) -> [Int] {
        var heights = [Int](repeating: 0, count: needs.count)
        var remaining = total
        var pending = Array(needs.indices)
        while !pending.isEmpty {
            let share = remaining / pending.count
            let satisfied = pending.filter { needs[$0] <= share }
            guard !satisfied.isEmpty else {
                for (n, index) in pending.enumerated() { heights[index] = share + (n < remaining % pending.count ? 1 : 0) }
                return heights
            }
            for index in satisfied {
                heights[index] = needs[index]
                remaining -= needs[index]
            }
            pending.removeAll { satisfied.contains($0) }
        }
        if let last = heights.indices.last { heights[last] += remaining }
        return heights
    }

    private func render(_ section: TableSection, selected: Int?, in rect: Rect, _ buffer: inout CellBuffer) -> String? {
        var y = rect.y
        if let title = section.title, rect.height > 2 {
            buffer.put(DisplayWidth.truncate(title, to: rect.width), x: rect.x, y: y, role: .accent, clip: rect)
            y += 1
        }
        guard y < rect.maxY else { return nil }
        let widths = section.layout(width: rect.width)
        drawRow(section.columns.map { .text($0.title, .header) }, section.columns, widths, y: y, rect: rect, &buffer)
        y += 1
        let visible = rect.maxY - y
        guard visible > 0 else { return section.rows.isEmpty ? nil : "0/\(section.rows.count)" }
        if section.rows.isEmpty {
            buffer.put("(none)", x: rect.x, y: y, role: .muted, clip: rect)
            return nil
        }
        let offset = max(0, (selected ?? 0) - visible + 1)
        let environmentColumn = section.columns.firstIndex { $0.title == "ENV" }
        for (index, row) in section.rows.enumerated().dropFirst(offset).prefix(visible) {
            var cells = row.cells
            if let column = environmentColumn, column < cells.count, let environment = row.environment, let role = environmentRoles[environment],
               case .text(let text, _) = cells[column] {
                cells[column] = .text(text, role)
            }
            drawRow(cells, section.columns, widths, y: y, rect: rect, &buffer)
            if let environment = row.environment, stale.contains(environment), index != selected {
                buffer.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .muted)
            }
            if index == selected {
                buffer.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .selection)
            }
            y += 1
        }
        return section.rows.count > visible ? "\(min(section.rows.count, offset + visible))/\(section.rows.count)" : nil
    }

    private func drawRow(_ cells: [TableCell], _ columns: [Column], _ widths: [Int?], y: Int, rect: Rect, _ buffer: inout CellBuffer) {
        var x = rect.x
        for (index, cell) in cells.enumerated() where index < widths.count {
            guard let width = widths[index] else { continue }
            switch cell {
            case .text(let text, let role):
                let shown = DisplayWidth.truncate(text, to: width)
                let pad = columns[index].alignRight ? width - DisplayWidth.of(shown) : 0
                buffer.put(shown, x: x + pad, y: y, role: role, clip: rect)
            case .spark(let values, let threshold):
                Sparkline(values: values, threshold: threshold).render(into: &buffer, area: Rect(x: x, y: y, width: min(width, rect.maxX - x), height: 1))
            }
            x += width + 1
        }
    }
}
