import FoundationEssentials
import Panels
import Telemetry
import AWSCore

/// The log tail: `l` opens it on the selected function (an alarm's function, a stack's functions, or every function a
/// filter shows), ticks ask for a read every two seconds, reads merge in time order; `/` sends a filter pattern,
/// Space pauses, j/k scroll back, `i` runs Logs Insights' top errors.
extension AppState {
    /// l: opens the tail for what is selected.
    mutating func openLogs() -> ConsoleEffect? {
        switch view.focus {
        case .lambda:
            let filtered = !(view.filters[.lambda] ?? "").isEmpty
            let rows = filtered ? shownContent(.lambda).rows : selectedRow(.lambda).map { [$0] } ?? []
            let functions = rows.compactMap(\.resource).filter { $0.kind == .function }.prefix(10)
            guard let first = functions.first else {
                view.message = .init("select a function in the Lambda panel first", role: .muted)
                return nil
            }
            let sources = functions.map { LogTail.Source.lambda($0.name, environment: $0.environment) }
            let title = sources.count == 1 ? "\(first.environment) \(sources[0].group)" : "\(sources.count) functions (/\(view.filters[.lambda] ?? ""))"
            return startTail(title, sources)
        case .alarms:
            guard let alarm = selectedAlarm() else { return nil }
            guard alarm.namespace == "AWS/Lambda", let function = alarm.resource else {
                view.message = .init("\(alarm.name) watches \(alarm.namespace) \(alarm.metric), not a Lambda function: l tails functions' logs", role: .muted)
                return nil
            }
            let source = LogTail.Source.lambda(function, environment: alarm.environment)
            return startTail("\(alarm.environment) \(source.group) (alarm \(alarm.name))", [source])
        case .stacks:
            guard let key = selectedKey(.stacks), let stack = snapshot.stacks.first(where: { $0.key == key }), !stack.isStackSet else {
                view.message = .init("select a stack (not a StackSet) to tail its functions' logs", role: .muted)
                return nil
            }
            view.message = .init("finding the functions of \(stack.environment)/\(stack.name) (ListStackResources)…", role: .muted)
            return .triage([.stackLogs(stack)])
        default:
            view.message = .init("l tails Lambda logs: select a function, an alarm on one, or a stack", role: .muted)
            return nil
        }
    }

    /// Opens the tail on `sources` and asks for the first read.
    mutating func startTail(_ title: String, _ sources: [LogTail.Source]) -> ConsoleEffect? {
        guard !sources.isEmpty else {
            view.message = .init("\(title): no Lambda function to tail", role: .muted)
            return nil
        }
        view.logs = LogScreen(title: title, tail: LogTail(sources: sources))
        open(.logs)
        return readLogs()
    }

    /// A read of every source from where it left off, if one is due; time passing while the tail is open.
    mutating func tickLogs(_ elapsed: Double) -> ConsoleEffect? {
        guard view.overlay == .logs, var screen = view.logs else { return nil }
        screen.waited += elapsed
        view.logs = screen
        return screen.due ? readLogs() : nil
    }

    private mutating func readLogs() -> ConsoleEffect? {
        guard var screen = view.logs else { return nil }
        screen.reading = true
        screen.waited = 0
        view.logs = screen
        return .triage([.readLogs(LogRead(screen.tail, now: view.now, end: isLive ? nil : view.now))])
    }

    /// A key while the tail is open; nil when it is not the tail's.
    mutating func handleLogsKey(_ key: Key, _ action: Action?) -> ConsoleEffect?? {
        guard view.overlay == .logs, var screen = view.logs else { return nil }
        if case .char(let c) = key, let n = c.wholeNumberValue, let range = DetailRange(key: n) {
            screen.insightsRange = range
            view.logs = screen
            view.message = .init("i runs top errors over the last \(range.label)", role: .muted)
            return .some(nil)
        }
        switch action {
        case .pause?:
            screen.paused.toggle()
        case .up?: screen.scroll += 1
        case .down?: screen.scroll = max(0, screen.scroll - 1)
        case .pageUp?: screen.scroll += 20
        case .pageDown?: screen.scroll = max(0, screen.scroll - 20)
        case .top?: screen.scroll = Int.max / 2
        case .bottom?: screen.scroll = 0
        case .filter?:
            view.prompt = .init(kind: .logPattern, text: screen.tail.pattern ?? "")
            return .some(nil)
        case .topErrors?:
            screen.querying = true
            view.logs = screen
            let end = view.now
            return .some(.triage([.topErrors(screen.tail.sources, start: end.addingTimeInterval(-Double(screen.insightsRange.seconds)), end: end)]))
        case .back?, .quit?, .logs?:
            view.overlay = .none
            view.logs = nil
            return .some(nil)
        default:
            return .some(nil)
        }
        view.logs = screen
        return .some(nil)
    }

    /// The pattern typed at `/`: the tail starts again with it (empty clears it).
    mutating func setLogPattern(_ text: String) -> ConsoleEffect? {
        guard var screen = view.logs else { return nil }
        let pattern = text.trimming(.whitespaces)
        screen.tail.refilter(pattern.isEmpty ? nil : pattern)
        screen.scroll = 0
        screen.hasRead = false
        screen.reading = false
        view.logs = screen
        return readLogs()
    }

    /// Merges a read into the open tail (a read for a tail since closed or refiltered is dropped).
    mutating func merge(_ results: [LogReadResult]) {
        guard var screen = view.logs else { return }
        screen.reading = false
        screen.hasRead = true
        // The next read waits its interval from this one's answer, so a slow endpoint is not asked again at once.
        screen.waited = 0
        for result in results where screen.tail.sources.contains(result.source) {
            let before = screen.tail.events.count
            screen.tail.merge(result.outcome, from: result.source, calls: result.calls)
            // Scrolled back, the view stays on the same lines as new ones arrive below.
            if screen.scroll > 0 { screen.scroll += max(0, screen.tail.events.count - before) }
        }
        view.logs = screen
    }

    /// Shows a top-errors report on the open tail.
    mutating func show(_ report: TopErrors) {
        guard var screen = view.logs else { return }
        screen.querying = false
        screen.topErrors = report
        view.logs = screen
    }
}
