import FoundationEssentials
import AWSCore

/// How a panel's table is sorted when the user asks (`s` cycles the column, `S` reverses); without one, each panel's
/// own order (problems first) stands.
public struct SortOrder: Equatable, Sendable {
    public var column: Int
    public var descending: Bool

    public init(column: Int, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// `rows` ordered by the column, ties kept in their order; rows without that column stay put after the others.
    func sort(_ rows: [PanelRow]) -> [PanelRow] {
        let keyed = rows.enumerated().map { (offset: $0.offset, row: $0.element, key: $0.element.cells.indices.contains(column) ? CellOrder($0.element.cells[column]) : nil) }
        return keyed.sorted { a, b in
            switch (a.key, b.key) {
            case let (x?, y?) where x != y: return descending ? y < x : x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.offset < b.offset
            }
        }.map(\.row)
    }
}

/// A cell's place in a sort, read as a person reads it: counts, durations, sizes and percentages by value (1.2k after
/// 950, 6.5s after 850ms, 588/500 by its first number), text alphabetically after them, and "-" or "idle" last.
struct CellOrder: Comparable {
    let rank: Int
    let number: Double
    let text: String

    init(_ cell: TableCell) {
        switch cell {
        case .spark(let values, _):
            (rank, number, text) = values.last.map { (0, $0, "") } ?? (2, 0, "")
        case .text(let value, _):
            let trimmed = value.trimming(.whitespaces)
            if trimmed.isEmpty || trimmed == "-" || trimmed == "idle" || trimmed == "never" {
                (rank, number, text) = (2, 0, trimmed)
            } else if let number = Self.number(trimmed) {
                (rank, self.number, text) = (0, number, trimmed)
            } else {
                (rank, number, text) = (1, 0, trimmed.lowercased())
            }
        }
    }

    /// Units as opsdeck's formatters write them, in one scale per kind.
    private static let units: [(suffix: String, factor: Double)] = [
        ("ms", 0.001), ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("%", 1), ("k", 1e3), ("M", 1e6), ("G", 1e9),
        ("B", 1), ("s", 1), ("m", 60), ("h", 3600), ("d", 86_400),
    ]

    /// The value of "1.2k", "850ms", "34.5%", "588/500" (its first part) or "12"; nil for other text.
    static func number(_ text: String) -> Double? {
        let head = text.split(separator: "/").first.map(String.init) ?? text
        if let plain = Double(head.replacing(",", with: "")) { return plain }
        for unit in units where head.hasSuffix(unit.suffix) {
            if let value = Double(head.dropLast(unit.suffix.count)) { return value * unit.factor }
        }
        return nil
    }

    static func < (a: CellOrder, b: CellOrder) -> Bool {
        (a.rank, a.number, a.text) < (b.rank, b.number, b.text)
    }
}
