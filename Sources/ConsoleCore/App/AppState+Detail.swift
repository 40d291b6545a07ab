import FoundationEssentials
import Panels
import Telemetry
import AWSCore

/// The detail view: Enter opens it on the selected row; a row naming its resource has its settings and charts
/// fetched, again for each range chosen with 1 to 5.
extension AppState {
    /// Enter: the detail of the selected row.
    mutating func openDetail() -> ConsoleEffect? {
        guard let row = selectedRow(view.focus) else { return nil }
        open(.detail)
        guard let resource = row.resource else {
            view.detail = nil
            return nil
        }
        view.detail = DetailScreen(resource: resource, rowFields: row.detail.map { ResourceDetail.Setting($0.0, $0.1) })
        return fetchDetail()
    }

    /// Asks for the open detail's settings and charts over its range, ending now (the replay position in a replay).
    mutating func fetchDetail() -> ConsoleEffect? {
        guard var screen = view.detail else { return nil }
        screen.fetched = nil
        view.detail = screen
        let watching = snapshot.alarms.filter(screen.resource.isWatched)
        return .triage([.detail(screen.resource, screen.range, end: view.now, alarms: watching)])
    }

    /// A key while the detail view is open: 1 to 5 choose the range, the zoom key gives the charts the whole area,
    /// j/k scroll, Esc, Enter and q close; nil when the key is not the detail view's.
    mutating func handleDetailKey(_ key: Key, _ action: Action?) -> ConsoleEffect?? {
        guard view.overlay == .detail, var screen = view.detail else { return nil }
        if case .char(let c) = key, let n = c.wholeNumberValue, let range = DetailRange(key: n) {
            guard range != screen.range else { return .some(nil) }
            screen.range = range
            view.detail = screen
            return .some(fetchDetail())
        }
        switch action {
        case .zoom?:
            screen.chartsOnly.toggle()
            view.detail = screen
            return .some(nil)
        case .back?, .detail?, .quit?, .help?:
            view.overlay = .none
            view.detail = nil
            return .some(nil)
        default:
            return nil
        }
    }

    /// Shows a fetched detail if it is the one the open view waits for.
    mutating func show(_ detail: ResourceDetail) {
        guard var screen = view.detail, screen.awaits(detail) else { return }
        screen.fetched = detail
        view.detail = screen
    }
}
