import FoundationEssentials
import Telemetry
import AWSCore

/// How the sections a panel reads stand in each environment, and what the panel shows for it. A failed section is
/// named with its call and cause on the panel's title and on a row of its own: with no good data yet, that row
/// replaces the environment's rows (never an empty list or a zero count); with earlier data, the rows stay, dimmed,
/// with their age. Loading environments say so; environments whose own sections are fine carry no notice.
public struct PanelStates: Sendable {
    /// Environments where one of the panel's sections failed, with the first such section and its state.
    public var failed: [(environment: String, section: PollSection.ID, state: SectionState)] = []
    /// Environments whose sections have not answered yet, with their calls' progress when known.
    public var loading: [String] = []
    var progress: [String: CallProgress] = [:]
    /// Environments whose data for this panel is stale, with its age.
    public var stale: [(environment: String, age: String)] = []
    /// How many environments' data for this panel is current (environments that watch nothing for it are not counted).
    public var healthy = 0
    let now: Date

    /// The states of `sections` in every account at `now`; an account that reports no section states (a snapshot
    /// built without a poller) counts as healthy. Drawn every frame, so it allocates nothing per account.
    public init(sections: [PollSection.ID], accounts: [AccountStatus], now: Date) {
        self.now = now
        for account in accounts {
            var failure: (PollSection.ID, SectionState)?
            var loads = false, seen = 0, unwatched = 0
            var oldestStale: Date?
            for id in sections {
                guard let state = account.sections[id] else { continue }
                seen += 1
                switch state.phase {
                case .failed: if failure == nil { failure = (id, state) }
                case .loading: loads = true
                case .stale: oldestStale = min(oldestStale ?? .distantFuture, state.lastGood ?? .distantFuture)
                case .notConfigured: unwatched += 1
                case .fresh: break
                }
            }
            if let (id, state) = failure {
                failed.append((account.environment, id, state))
            } else if loads {
                loading.append(account.environment)
                progress[account.environment] = account.progress
            } else if seen > 0 && unwatched == seen {
                continue
            } else if let oldestStale, oldestStale != .distantFuture {
                stale.append((account.environment, Format.age(oldestStale, now: now)))
            } else {
                healthy += 1
            }
        }
    }

    /// Environments whose rows are drawn dimmed: stale ones, and failed ones still showing earlier data.
    public var dimmed: Set<String> {
        Set(stale.map(\.environment) + failed.filter { $0.state.lastGood != nil }.map(\.environment))
    }

    /// `content` with a notice row per failed or loading environment; those with no good data lose their rows to it.
    public func apply(to content: PanelContent) -> PanelContent {
        guard !failed.isEmpty || !loading.isEmpty else { return content }
        let hidden = Set(failed.filter { !keepsRows($0) }.map(\.environment) + loading)
        var notices = failed.map { item in
            let failure = item.state.failure
            var reason = failure.map { $0.call.contains(":") ? $0.summary : $0.detail.hasPrefix($0.summary) ? $0.detail.visible : "\($0.summary): \($0.detail.visible)" } ?? "failed"
            if failure?.cause == .throttled { reason += " (throttled: retried with backoff, tried again next poll)" }
            let shown = item.state.lastGood.map { " · showing data \(Format.age($0, now: now)) old" } ?? ""
            let text = "\(item.section.rawValue) \(item.state.lastGood == nil ? "unavailable" : "failing"): \(reason)\(shown)"
            return PanelRow(
                cells: [.text(item.environment, .critical), .text(text, .critical)],
                detail: [("Environment", item.environment), ("Section", item.section.rawValue), ("Call", failure?.call ?? "-"),
                         ("Cause", failure?.cause.rawValue ?? "-"), ("Error", failure?.detail.visible ?? "-"),
                         ("Last good data", item.state.lastGood.map(AWSDate.format) ?? "never")],
                search: "\(item.environment) \(text)", environment: item.environment)
        }
        notices += loading.map { environment in
            let calls = progress[environment].map { " \($0.answered) of \($0.made) calls answered" } ?? ""
            return PanelRow(cells: [.text(environment, .muted), .text("loading… first poll under way,\(calls.isEmpty ? " no call answered yet" : calls)", .muted)],
                     detail: [("Environment", environment), ("State", "waiting for the first answer")], search: "\(environment) loading", environment: environment)
        }
        let notice = TableSection(columns: [Column("ENV", width: 7), Column("STATE", width: 20, flexible: true)], rows: notices)
        var out = content
        for index in out.sections.indices { out.sections[index].rows.removeAll { $0.environment.map(hidden.contains) ?? false } }
        out.sections = answered ? [notice] + out.sections : [notice]
        return out
    }

    /// The border's trailer: the summary of what answered, then what failed (call and cause), loads or is stale.
    public func trailer(_ summary: String) -> String {
        return ((answered ? [summary] : []) + notices(answered: answered)).joined(separator: " · ")
    }

    /// Whether some environment has rows to show: healthy, stale, or failed with rows kept.
    private var answered: Bool { healthy > 0 || !stale.isEmpty || failed.contains(where: keepsRows) }

    /// Whether a failed environment keeps its rows: it has earlier data, or only a supplementary section failed.
    private func keepsRows(_ item: (environment: String, section: PollSection.ID, state: SectionState)) -> Bool {
        item.state.lastGood != nil || item.section.supplements
    }

    /// What failed (call and cause), loads or is stale, one part each.
    public var notices: [String] { notices(answered: true) }

    private func notices(answered: Bool) -> [String] {
        var parts: [String] = []
        if let first = failed.first {
            let names = failed.map(\.environment).joined(separator: ", ")
            let more = Set(failed.map { $0.state.failure?.summary ?? "" }).count > 1 ? " (and others)" : ""
            let word = failed.allSatisfy { $0.state.lastGood != nil } ? "failing" : "unavailable"
            parts.append("\(first.section.rawValue) \(word) in \(names): \(first.state.failure?.summary ?? "failed")\(more)")
        }
        if !loading.isEmpty {
            let calls = loading.compactMap { progress[$0] }.reduce(into: CallProgress()) { $0.answered += $1.answered; $0.made += $1.made }
            let counted = calls.made > 0 ? " (\(calls.answered) of \(calls.made) calls answered)" : ""
            parts.append((!answered && parts.isEmpty ? "loading…" : "loading \(loading.joined(separator: ", "))") + counted)
        }
        if !stale.isEmpty { parts.append(stale.map { "\($0.environment) stale \($0.age)" }.joined(separator: ", ")) }
        return parts
    }
}
