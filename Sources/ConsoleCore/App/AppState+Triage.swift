import FoundationEssentials
import Panels
import Telemetry
import AWSCore
import Recording

/// Drift and alarm triage from the keyboard: the reducer decides and asks; the runner calls AWS and writes files.
extension AppState {
    /// Panel `id`'s content as the user sees it: filtered, then in its chosen order.
    func shownContent(_ id: PanelID) -> PanelContent {
        view.shown(id, cache.content(id, snapshot, version: view.dataVersion))
    }

    /// The selected row of `panel` as shown, if it has rows.
    func selectedRow(_ panel: PanelID) -> PanelRow? {
        let rows = shownContent(panel).rows
        return view.selectedRow(panel, count: rows.count).map { rows[$0] }
    }

    /// The key of the selected row of `panel`, if it has one.
    func selectedKey(_ panel: PanelID) -> String? { selectedRow(panel)?.key }

    /// The selected alarm, or a message saying what to select.
    mutating func selectedAlarm() -> AlarmSummary? {
        guard view.focus == .alarms, let key = selectedKey(.alarms), let alarm = snapshot.alarms.first(where: { $0.key.description == key }) else {
            view.message = .init("select an alarm in the Alarms panel (\(PanelID.alarms.rawValue)) first", role: .muted)
            return nil
        }
        return alarm
    }

    /// Refuses AWS calls in replay mode; true when live.
    mutating func requireLive(_ what: String) -> Bool {
        guard isLive else {
            view.message = .init("\(what) needs live mode: a replay is read-only", role: .muted)
            return false
        }
        return true
    }

    /// Refuses calls that change AWS unless started with --allow-actions; true when allowed.
    mutating func requireActions(_ call: String) -> Bool {
        guard allowActions else {
            view.message = .init("\(call) changes AWS: start opsdeck with --allow-actions (or allow_actions = true in config.toml)", role: .warn)
            return false
        }
        return true
    }

    /// Asks `question`; `requests` run if the answer is y.
    /// Asks a yes/no question about a call in `environment`, led by that environment's banner ("[PRODUCTION] ...").
    mutating func ask(_ question: String, in environment: String, then requests: [TriageRequest]) {
        pending = requests
        let banner = view.environments[environment]?.banner.map { "[\($0)] " } ?? ""
        view.prompt = .init(kind: .confirm(banner + question))
    }

    /// Runs or drops what the confirmation was about.
    mutating func confirm(_ yes: Bool) -> ConsoleEffect? {
        defer { pending = [] }
        guard yes, !pending.isEmpty else {
            view.message = .init("cancelled", role: .muted)
            return nil
        }
        view.message = .init("working…", role: .muted)
        return .triage(pending)
    }

    /// d: DetectStackDrift (or DetectStackSetDrift) on the selected stack, after confirmation.
    mutating func detectDrift() -> ConsoleEffect? {
        guard view.focus == .stacks, let key = selectedKey(.stacks), let stack = snapshot.stacks.first(where: { $0.key == key }) else {
            view.message = .init("select a stack in the Stacks panel (\(PanelID.stacks.rawValue)) first", role: .muted)
            return nil
        }
        let call = stack.isStackSet ? "DetectStackSetDrift" : "DetectStackDrift"
        guard requireLive("drift detection"), requireActions(call) else { return nil }
        ask("\(call) on \(stack.environment)/\(stack.name)?", in: stack.environment, then: [.detectDrift(stack)])
        return nil
    }

    /// a: acknowledge the selected alarm, or take the acknowledgement back.
    mutating func acknowledge() -> ConsoleEffect? {
        guard let alarm = selectedAlarm(), requireLive("acknowledging") else { return nil }
        let undo = triage.acknowledged[alarm.key] != nil
        guard undo || alarm.state == .alarm else {
            view.message = .init("\(alarm.name) is \(alarm.state.rawValue): only alarms in ALARM are acknowledged", role: .muted)
            return nil
        }
        triage.acknowledged[alarm.key] = undo ? nil : view.now
        snapshot = decorated(snapshot)
        view.message = .init(undo ? "\(alarm.name): acknowledgement withdrawn" : "\(alarm.name) acknowledged", role: .ok)
        let entry = TriageLogEntry(time: view.now, who: "", environment: alarm.environment, action: undo ? "unacknowledge" : "acknowledge",
                                   target: alarm.name, detail: "\(alarm.state.rawValue) since \(AWSDate.format(alarm.since)): \(alarm.reason)", outcome: "ok")
        return .triage([.save(triage), .record(entry)])
    }

    /// m: ask how long to mute the selected alarm's actions, or offer to unmute a muted one.
    mutating func mute() -> ConsoleEffect? {
        guard let alarm = selectedAlarm(), requireLive("muting") else { return nil }
        if let until = triage.muted[alarm.key] {
            guard requireActions("EnableAlarmActions") else { return nil }
            ask("EnableAlarmActions on \(alarm.key) now (muted until \(Format.clock(until)))?", in: alarm.environment, then: [.unmute(alarm.key)])
            return nil
        }
        guard requireActions("DisableAlarmActions") else { return nil }
        pendingMute = alarm
        view.prompt = .init(kind: .muteDuration, text: "1h")
        return nil
    }

    /// The mute duration was typed: confirm, then disable the actions until then.
    mutating func muteFor(_ text: String) -> ConsoleEffect? {
        guard let alarm = pendingMute else { return nil }
        pendingMute = nil
        guard let seconds = Self.duration(text) else {
            view.message = .init("'\(text)' is not a duration: use 90s, 30m, 2h or 1d (up to 7d)", role: .warn)
            return nil
        }
        let until = view.now.addingTimeInterval(seconds)
        ask("DisableAlarmActions on \(alarm.key) until \(Format.clock(until)) UTC?", in: alarm.environment, then: [.mute(alarm, until: until)])
        return nil
    }

    /// Seconds in "90s", "30m", "2h", "1d" or a bare number of minutes; nil when unreadable or over 7 days.
    static func duration(_ text: String) -> Double? {
        let trimmed = text.trimming(.whitespaces).lowercased()
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        let unit = trimmed.last.flatMap { units[$0] }
        guard let number = Double(unit == nil ? trimmed : String(trimmed.dropLast())), number > 0 else { return nil }
        let seconds = number * (unit ?? 60)
        return seconds <= 7 * 86_400 ? seconds : nil
    }

    /// h: the selected alarm's history.
    mutating func history() -> ConsoleEffect? {
        guard let alarm = selectedAlarm(), requireLive("alarm history") else { return nil }
        view.message = .init("fetching the history of \(alarm.name)…", role: .muted)
        return .triage([.history(alarm)])
    }

    /// L: sign in again for the selected row's environment when it is signed out, else for the first signed-out one.
    mutating func signIn() -> ConsoleEffect? {
        guard requireLive("signing in") else { return nil }
        let signedOut = snapshot.accounts.filter(\.isSignedOut).map(\.environment)
        guard let environment = selectedRow(view.focus)?.environment.flatMap({ signedOut.contains($0) ? $0 : nil }) ?? signedOut.first else {
            view.message = .init("no environment is signed out", role: .muted)
            return nil
        }
        view.message = .init("signing in for \(environment)…", role: .muted)
        return .triage([.signIn(environment: environment)])
    }

    /// o: focus the panel showing the alarm's metric, filtered to its resource.
    mutating func openMetric() {
        guard let alarm = selectedAlarm() else { return }
        let panel: PanelID? = switch alarm.namespace {
        case "AWS/Lambda": .lambda
        case "AWS/DynamoDB": alarm.metric == "ReplicationLatency" ? .replication : .dynamodb
        case "AWS/S3": .replication
        case "opsdeck/FlowLogs", "AWS/Logs": .flowLogs
        default: nil
        }
        guard let panel else {
            view.message = .init("no panel shows \(alarm.namespace) metrics", role: .muted)
            return
        }
        view.focus = panel
        // The alarm's own account: the same resource name in another environment is another resource.
        let filter = alarm.resource.map { "\(alarm.environment) \($0)" }
        view.filters[panel] = filter
        view.selection[panel] = 0
        view.message = .init("\(alarm.name) → \(panel.title)\(filter.map { ", filtered to \($0)" } ?? "") (Esc clears)", role: .accent)
    }

    /// Turns the actions of alarms whose mute ran out back on, when allowed and when this opsdeck muted them (its
    /// triage log says so); every other expired mute stays in the state and is shown as actions still off.
    mutating func restoreExpiredMutes() -> ConsoleEffect? {
        let expired = triage.expiredMutes(at: view.now)
        let restore = allowActions ? expired.filter { openMutes.contains($0) } : []
        var stuck: [AlarmKey: String] = [:]
        for key in expired where !restore.contains(key) {
            let since = triage.muted[key].map { "since \(Format.clock($0)) UTC" } ?? ""
            stuck[key] = allowActions
                ? "actions still disabled \(since): this opsdeck's triage log has no mute of it, so enable them yourself"
                : "actions still disabled \(since); restart with --allow-actions to re-enable"
        }
        if stuck != stillOff {
            let new = stuck.keys.filter { stillOff[$0] == nil }.sorted()
            stillOff = stuck
            snapshot = decorated(snapshot)
            if let first = new.first {
                let more = new.count > 1 ? " (and \(new.count - 1) more)" : ""
                view.message = .init("\(first)\(more): \(stuck[first]!)", role: .critical)
            }
        }
        guard !restore.isEmpty else { return nil }
        for key in restore {
            triage.muted[key] = nil
            openMutes.remove(key)
        }
        snapshot = decorated(snapshot)
        return .triage(restore.map(TriageRequest.unmute) + [.save(triage)])
    }

    /// `snapshot` with the triage state and the actions still off shown on its alarms.
    func decorated(_ snapshot: Snapshot) -> Snapshot {
        triage.decorate(snapshot, stillOff: stillOff)
    }

    /// Applies what the runner reports.
    mutating func apply(_ outcome: TriageOutcome) -> ConsoleEffect? {
        switch outcome {
        case .message(let text, let role):
            view.message = .init(text, role: role)
        case .report(let report):
            view.report = report
            view.detail = nil
            open(.report)
        case .detail(let detail):
            show(detail)
        case .logsRead(let results):
            merge(results)
        case .topErrors(let report):
            show(report)
        case .logSources(let title, let sources):
            return startTail(title, sources)
        case .muted(let key, let until):
            triage.muted[key] = until
            openMutes.insert(key)
            snapshot = decorated(snapshot)
            return .triage([.save(triage)])
        case .unmuted(let key):
            triage.muted[key] = nil
            openMutes.remove(key)
            stillOff[key] = nil
            snapshot = decorated(snapshot)
            return .triage([.save(triage)])
        case .unmuteFailed(let key, let retry):
            triage.muted[key] = retry
            openMutes.insert(key)
            snapshot = decorated(snapshot)
            return .triage([.save(triage)])
        }
        return nil
    }
}

extension DashboardView.Prompt.Kind {
    /// Whether this prompt is a yes/no question.
    var isConfirm: Bool {
        if case .confirm = self { true } else { false }
    }
}
