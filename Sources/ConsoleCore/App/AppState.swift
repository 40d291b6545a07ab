import FoundationEssentials
import Panels
import Telemetry
import AWSCore
import Recording

/// The console's whole state: what is shown, how, and where the data comes from.
struct AppState: Sendable {
    var view: DashboardView
    /// The data shown; every change bumps `view.dataVersion` so cached rows are rebuilt.
    var snapshot: Snapshot {
        didSet { view.dataVersion += 1 }
    }
    /// The recording being replayed; nil in live mode.
    var replay: ReplaySession?
    var bindings: KeyBindings
    /// Acknowledged and muted alarms, kept in the state file.
    var triage = TriageState()
    /// Whether calls that change AWS (drift detection, muting) may be made, after confirmation.
    var allowActions = false
    /// Alarm keys whose actions this opsdeck disabled, per its triage log: the only mutes it re-enables by itself.
    var openMutes: Set<AlarmKey> = []
    /// Alarm keys whose mute ran out with their actions still disabled, and why.
    var stillOff: [AlarmKey: String] = [:]
    /// The action a confirmation prompt is asking about.
    var pending: [TriageRequest] = []
    /// The alarm a mute-duration prompt is for.
    var pendingMute: AlarmSummary?
    /// What the open copy menu offers, by its number.
    var pendingCopies: [String] = []
    /// Whether a desktop display exists, so console pages may be opened (DISPLAY or WAYLAND_DISPLAY).
    var desktop = false

    /// Whether this console polls AWS (triage needs it) rather than replaying.
    var isLive: Bool { replay == nil }

    /// A console replaying a recording.
    init(replay: ReplaySession, bindings: KeyBindings) {
        self.init(snapshot: replay.snapshot, now: replay.now, replay: replay, bindings: bindings)
    }

    /// A live console showing `snapshot` until the poller publishes the next one.
    init(live snapshot: Snapshot, now: Date, bindings: KeyBindings) {
        self.init(snapshot: snapshot, now: now, replay: nil, bindings: bindings)
    }

    private init(snapshot: Snapshot, now: Date, replay: ReplaySession?, bindings: KeyBindings) {
        self.replay = replay
        self.snapshot = snapshot
        self.bindings = bindings
        self.view = DashboardView(now: now)
        view.help = bindings.helpLines.map { DashboardView.HelpLine(keys: $0.keys, text: $0.text, dangerous: $0.dangerous) }
        view.hints = bindings.hints.map { DashboardView.HelpLine(keys: $0.keys, text: $0.text) }
        syncMode()
    }

    /// Panel rows for the current data, shared with drawing.
    let cache = ContentCache()

    /// Rows the panel `id` shows under its filter.
    func rowCount(_ id: PanelID) -> Int {
        shownContent(id).rowCount
    }

    /// Applies one event.
    mutating func handle(_ event: ConsoleEvent) -> ConsoleEffect? {
        switch event {
        case .key(let key):
            return handle(key)
        case .tick(let elapsed):
            if replay == nil { view.now += elapsed }
            replayChanged(updateReplay { $0.advance(by: elapsed) })
            let logs = tickLogs(elapsed)
            let mutes = isLive ? restoreExpiredMutes() : nil
            if case .triage(let read)? = logs, case .triage(let restore)? = mutes { return .triage(read + restore) }
            return logs ?? mutes
        case .snapshot(let snapshot, let prepared):
            let pruned = isLive && triage.prune(snapshot)
            self.snapshot = decorated(snapshot)
            cache.install(prepared, version: view.dataVersion)
            if pruned { return .triage([.save(triage)]) }
        case .triage(let outcome):
            return apply(outcome)
        case .replayLoaded(let batch):
            if let failure = batch.failure { view.message = .init("the rest of the recording could not be read: \(failure); replaying what was read", role: .critical) }
            replayChanged(replay?.load(batch))
        case .resize:
            break
        }
        return nil
    }

    /// Publishes a new replay frame, if any, and refreshes the mode and clock shown.
    mutating func replayChanged(_ snapshot: Snapshot?) {
        if let snapshot { self.snapshot = snapshot }
        syncMode()
    }

    /// Moves the replay clock; nil (nothing new) in live mode.
    private mutating func updateReplay(_ change: (inout ReplayClock) -> Void) -> Snapshot? {
        replay?.update(change)
    }

    private mutating func syncMode() {
        guard let replay else {
            view.mode = .live
            return
        }
        view.now = replay.now
        view.replayLoading = replay.loading
        view.mode = .replay(speed: replay.clock.speed, paused: replay.clock.isPaused, position: replay.frameOffset, duration: replay.clock.duration)
    }

    /// Runs a replay control, or explains that live mode has none.
    private mutating func replayControl(_ change: (inout ReplayClock) -> Void) {
        guard replay != nil else {
            view.message = .init("live mode: pause, speed and seek apply to recordings (opsdeck --demo)", role: .muted)
            return
        }
        replayChanged(updateReplay(change))
    }

    /// Seeks the replay; says where its clock is when the frame on screen was captured earlier than that.
    private mutating func seek(by seconds: Double) {
        replayControl { $0.seek(by: seconds) }
        guard let replay, replay.clock.position - replay.frameOffset >= 1 else { return }
        let clock = Format.position(replay.clock.position), frame = Format.position(replay.frameOffset)
        view.message = .init("replay clock at \(clock); the frame on screen was captured at \(frame)", role: .muted)
    }

    private mutating func handle(_ key: Key) -> ConsoleEffect? {
        view.message = nil
        if view.prompt != nil { return handlePrompt(key) }
        let action = bindings.action(for: key)
        if view.overlay == .report, !pendingCopies.isEmpty, let effect = copyChoice(key) { return effect }
        if let effect = handleDetailKey(key, action) { return effect }
        if let effect = handleLogsKey(key, action) { return effect }
        if view.overlay != .none {
            switch action {
            case .back?, .help?, .detail?, .quit?:
                view.overlay = .none
                pendingCopies = []
            case .down?: view.overlayScroll = min(view.overlayScroll + 1, max(view.help.count, 40))
            case .up?: view.overlayScroll = max(0, view.overlayScroll - 1)
            default: break
            }
            return nil
        }
        guard let action else { return nil }
        return perform(action, key: key)
    }

    /// Carries out a bound action.
    mutating func perform(_ action: Action, key: Key? = nil) -> ConsoleEffect? {
        switch action {
        case .quit: return .quit
        case .help: open(.help)
        case .zoom: view.zoomed.toggle()
        case .filter: view.prompt = .init(kind: .filter, text: view.filters[view.focus] ?? "")
        case .command: view.prompt = .init(kind: .command)
        case .detail: return openDetail()
        case .back: back()
        case .nextPanel: view.focus = view.focus.next()
        case .previousPanel: view.focus = view.focus.next(by: -1)
        case .focusPanel:
            if case .char(let c)? = key, let n = c.wholeNumberValue, let id = PanelID(rawValue: n) { view.focus = id }
        case .down: moveSelection { $0 + 1 }
        case .up: moveSelection { $0 - 1 }
        case .pageDown: moveSelection { $0 + 10 }
        case .pageUp: moveSelection { $0 - 10 }
        case .top: moveSelection { _ in 0 }
        case .bottom: moveSelection { _ in Int.max / 2 }
        case .pause: replayControl { $0.togglePause() }
        case .faster: replayControl { $0.stepSpeed(1) }
        case .slower: replayControl { $0.stepSpeed(-1) }
        case .seekBack: seek(by: -60)
        case .seekForward: seek(by: 60)
        case .detectDrift: return detectDrift()
        case .acknowledge: return acknowledge()
        case .mute: return mute()
        case .history: return history()
        case .openMetric: openMetric()
        case .signIn: return signIn()
        case .copy: copyMenu()
        case .sort: cycleSort()
        case .reverseSort: reverseSort()
        case .openConsole: return openConsole()
        case .logs: return openLogs()
        case .toggleView: toggleView()
        case .topErrors: view.message = .init("i runs Logs Insights' top errors inside a log tail: press l first", role: .muted)
        case .refresh:
            guard requireLive("refreshing") else { return nil }
            view.message = .init("polling every environment now, discovering resources again…", role: .muted)
            return .triage([.refresh])
        }
        return nil
    }

    /// `p`: the focused panel's other view (Parity and Posture), or a note that it has none.
    private mutating func toggleView() {
        guard cache.content(view.focus, snapshot, version: view.dataVersion).alternate != nil else {
            view.message = .init("p switches Parity (\(PanelID.parity.rawValue)) to its Posture view; \(view.focus.title) has one view", role: .muted)
            return
        }
        view.alternates.formSymmetricDifference([view.focus])
        view.selection[view.focus] = 0
    }

    mutating func open(_ overlay: DashboardView.Overlay) {
        view.overlay = overlay
        view.overlayScroll = 0
    }

    /// Esc: clears the focused panel's kept filter first, then unzooms.
    private mutating func back() {
        if let filter = view.filters[view.focus], !filter.isEmpty {
            view.filters[view.focus] = nil
        } else if view.zoomed {
            view.zoomed = false
        }
    }

    private mutating func moveSelection(_ move: (Int) -> Int) {
        let count = rowCount(view.focus)
        guard count > 0 else { return }
        let current = view.selectedRow(view.focus, count: count) ?? 0
        view.selection[view.focus] = min(max(0, move(current)), count - 1)
    }

    private mutating func handlePrompt(_ key: Key) -> ConsoleEffect? {
        guard var prompt = view.prompt else { return nil }
        switch key {
        case _ where prompt.kind.isConfirm:
            view.prompt = nil
            return confirm(key == .char("y") || key == .char("Y"))
        case .escape:
            if prompt.kind == .filter { view.filters[view.focus] = nil }
            if prompt.kind == .muteDuration { view.message = .init("mute cancelled", role: .muted) }
            view.prompt = nil
            return nil
        case .enter:
            view.prompt = nil
            switch prompt.kind {
            case .command: return runCommand(prompt.text)
            case .muteDuration: return muteFor(prompt.text)
            case .logPattern: return setLogPattern(prompt.text)
            default: return nil
            }
        case .backspace, .delete:
            if prompt.text.isEmpty {
                view.prompt = nil
                return nil
            }
            prompt.text.removeLast()
        case .char(let c):
            prompt.text.append(c)
        case .ctrl("u"):
            prompt.text = ""
        case .ctrl("c"):
            return .quit
        default:
            return nil
        }
        view.prompt = prompt
        if prompt.kind == .filter {
            view.filters[view.focus] = prompt.text.isEmpty ? nil : prompt.text
            view.selection[view.focus] = 0
        }
        return nil
    }

    /// Runs a `:` command.
    mutating func runCommand(_ text: String) -> ConsoleEffect? {
        let words = text.split(separator: " ").map(String.init)
        guard let verb = words.first?.lowercased() else { return nil }
        switch verb {
        case "q", "q!", "quit", "exit":
            return .quit
        case "help", "h":
            open(.help)
        case "export":
            guard words.count == 2 else {
                view.message = .init("usage: :export FILE.md or FILE.json (the triage log)", role: .warn)
                return nil
            }
            return .triage([.export(path: words[1])])
        case "theme":
            guard words.count == 2 else {
                view.message = .init("usage: :theme NAME", role: .warn)
                return nil
            }
            return .loadTheme(words[1])
        default:
            if let id = PanelID.named(verb) {
                view.focus = id
            } else {
                view.message = .init("unknown command ':\(text)' (try a panel name, theme NAME, export FILE, help, quit)", role: .warn)
            }
        }
        return nil
    }
}
