import Panels

/// Sorting the focused table: `s` moves the sort to the next column and past the last back to the panel's own order
/// (problems first); `S` reverses it.
extension AppState {
    /// The columns of the focused panel's main table (its last section).
    private var sortableColumns: [Column] {
        cache.content(view.focus, snapshot, version: view.dataVersion).sections.last?.columns ?? []
    }

    /// s: the next column, or the panel's own order after the last.
    mutating func cycleSort() {
        let columns = sortableColumns
        let next = (view.sorts[view.focus]?.column).map { $0 + 1 } ?? 0
        if next < columns.count {
            view.sorts[view.focus] = SortOrder(column: next, descending: view.sorts[view.focus]?.descending ?? false)
            view.message = .init("sorted by \(columns[next].title)", role: .muted)
        } else {
            view.sorts[view.focus] = nil
            view.message = .init("the panel's own order: problems first", role: .muted)
        }
        view.selection[view.focus] = 0
    }

    /// S: reverses the sort (sorting by the first column, descending, when there was none).
    mutating func reverseSort() {
        var order = view.sorts[view.focus] ?? SortOrder(column: 0)
        order.descending.toggle()
        view.sorts[view.focus] = order
        let columns = sortableColumns
        if columns.indices.contains(order.column) {
            view.message = .init("sorted by \(columns[order.column].title), \(order.descending ? "descending" : "ascending")", role: .muted)
        }
        view.selection[view.focus] = 0
    }
}
