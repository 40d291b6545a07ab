import AWSCore
import FoundationEssentials
import Panels
import Recording
import Telemetry

/// One run of the full-screen console, set up before the terminal is taken: the data source, the key table with the
/// user's overrides, the theme, and (live) the triage state and log. Problems found while setting up are shown on the
/// first frame; the console still starts.
public struct ConsoleSession {
    /// What the console shows: a timeline to replay, or a poller to follow live.
    public enum Source {
        case replay(Fixture)
        /// A recording whose first cycle is loaded; the rest loads while the console runs.
        case loading(ReplayLoad)
        /// A live poller, and whether calls that change AWS are allowed (--allow-actions or config.toml).
        case live(Poller, allowActions: Bool)
    }

    private var state: AppState
    private let theme: Theme
    private let themes: ThemeLoader
    private let poller: Poller?
    private let loading: ReplayLoad?
    private let runner: TriageRunner
    private let mailbox: ConsoleMailbox

    /// Sets up a session on `source` with the theme `theme` (a name or a path), replay `speed` and the key file
    /// `keys` (default: ~/.config/opsdeck/keys.toml).
    public init(source: Source, theme: String, speed: Double, keys: String?, environment: [String: String]) {
        var problems: [String] = []
        var bindings = KeyBindings.defaults
        let paths = ConfigPaths(environment: environment)
        let keyFile = keys.map { URL(fileURLWithPath: $0) } ?? paths.keysFile
        do {
            if let overrides = try KeyFile.read(keyFile) {
                problems += bindings.apply(overrides).map { "\(keyFile.lastPathComponent): \($0)" }
            } else if keys != nil {
                problems.append("key file \(keyFile.path) not found")
            }
        } catch {
            problems.append("\(keyFile.lastPathComponent)\(error is TOMLError ? " " : ": ")\(error); using default keys")
        }
        themes = ThemeLoader.standard(environment: environment)
        do {
            self.theme = try themes.load(theme)
        } catch {
            problems.append("\(error); using dark")
            self.theme = .dark
        }
        mailbox = ConsoleMailbox()
        var sources: [String: any ExchangeSource] = [:]
        var signIns: [String: SSOConfig] = [:]
        var details: [String: any ExchangeSource] = [:]
        let environments: [EnvironmentConfig]
        var loading: ReplayLoad?
        switch source {
        case .replay(let fixture):
            state = AppState(replay: ReplaySession(fixture: fixture, speed: speed), bindings: bindings)
            poller = nil
            environments = fixture.environments
            for environment in environments { details[environment.name] = RecordedDetails(fixture.details.filter { $0.env == environment.name }) }
        case .loading(let load):
            var session = ReplaySession(fixture: load.first, speed: speed)
            session.beginLoading()
            state = AppState(replay: session, bindings: bindings)
            poller = nil
            loading = load
            environments = load.first.environments
        case .live(let live, let allowed):
            let now = Date()
            state = AppState(live: Snapshot.waiting(for: live.environments, at: now), now: now, bindings: bindings)
            state.allowActions = allowed
            do {
                state.triage = try TriageState.load(paths.triageStateFile)
            } catch {
                problems.append("\(error); starting with no acknowledgements or mutes")
            }
            do {
                state.openMutes = TriageLog.openMutes(try TriageLog.load(paths.triageLogFile))
            } catch {
                problems.append("\(error); no expired mute will be re-enabled")
            }
            sources = live.sources
            signIns = live.signIns
            poller = live
            environments = live.environments
            details = sources
        }
        self.loading = loading
        state.desktop = !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty
        state.view.braille = Self.speaksUTF8(environment)
        state.view.environments = Dictionary(environments.map { ($0.name, $0.look) }) { first, _ in first }
        if !problems.isEmpty { state.view.message = .init(problems.joined(separator: " · "), role: .warn) }
        let user = "\(environment["USER"] ?? "unknown")@\(ProcessInfo.processInfo.hostName)"
        runner = TriageRunner(sources: sources, paths: paths, mailbox: mailbox, localUser: user, signIns: signIns, environment: environment, poller: poller,
                              details: details, environments: environments)
    }

    /// Whether the locale is UTF-8 (the first of LC_ALL, LC_CTYPE and LANG that is set, as setlocale reads them), so
    /// charts may use braille; otherwise they are drawn in ASCII.
    static func speaksUTF8(_ environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().replacing("-", with: "").contains("utf8")
    }

    /// Runs the console on `backend` until quit or a stop signal; returns the signal, if one ended it.
    public func run(on backend: any TerminalBackend) -> Int32? {
        let mailbox = self.mailbox
        let polling = poller.map { poller in Task.detached { await poller.run { mailbox.post($0) } } }
        defer { polling?.cancel() }
        let runner = self.runner
        if loading != nil { runner.awaitDetails() }
        let rest = loading.map { load in
            Task.detached(priority: .utility) {
                await load.rest { batch in
                    if batch.done { runner.install(details: batch.details) }
                    mailbox.post(batch)
                }
                Heap.releaseFree()  // hand back what reading and replaying the recording used
            }
        }
        defer { rest?.cancel() }
        var loop = EventLoop(state: state, theme: theme, themes: themes, mailbox: mailbox, runner: self.runner)
        return loop.run(on: backend, signals: SignalWatcher())
    }
}
