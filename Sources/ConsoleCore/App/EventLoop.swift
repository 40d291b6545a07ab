import FoundationEssentials
import Glibc
import Panels
import Telemetry
import AWSCore
import Recording

/// Runs the console: reads input and time into events, updates the state, and redraws what changed.
struct EventLoop {
    var state: AppState
    var theme: Theme
    let themes: ThemeLoader
    /// Where the poller and the triage runner leave their results.
    let mailbox: ConsoleMailbox
    /// Carries out triage effects.
    let runner: TriageRunner
    /// Builds a replay's next frame's rows before the clock reaches it.
    let prefetch = ReplayPrefetch()

    /// Runs until quit or a stop signal; returns the signal, if one ended it.
    mutating func run(on backend: any TerminalBackend, signals: SignalWatcher) -> Int32? {
        backend.apply(theme)
        var last = Date()
        var drawnSecond = -1
        var dirty = true
        while true {
            if let signal = signals.stopSignal { return signal }
            if dirty {
                let (width, height) = backend.size
                var buffer = CellBuffer(width: width, height: height)
                Dashboard.render(state.snapshot, view: state.view, into: &buffer, cache: state.cache)
                backend.draw(buffer)
                drawnSecond = Int(saturating: state.view.now.timeIntervalSince1970)
                dirty = false
            }
            var events: [ConsoleEvent] = []
            switch backend.read(timeoutMs: 250) {
            case .key(let key)?:
                events.append(.key(key))
            case .resize?:
                backend.invalidate()
                let (width, height) = backend.size
                events.append(.resize(width: width, height: height))
            case nil:
                break
            }
            events += mailbox.take()
            let now = Date()
            events.append(.tick(elapsed: now.timeIntervalSince(last)))
            last = now
            let before = state.replay?.frame
            for event in events {
                switch state.handle(event) {
                case .quit?:
                    return nil
                case .loadTheme(let name)?:
                    loadTheme(name, backend)
                case .triage(let requests)?:
                    runner.submit(requests)
                case .copy(let text)?:
                    backend.copy(text)
                case .open(let url)?:
                    Self.openOnDesktop(url)
                case nil:
                    break
                }
            }
            if let replay = state.replay {
                if replay.frame != before, let prepared = prefetch.take(replay.frame, replay.snapshot) { state.cache.install(prepared, version: state.view.dataVersion) }
                if let next = replay.next { prefetch.request(replay.frame + 1, next) }
            }
            dirty = dirty || events.count > 1 || state.replay?.frame != before || Int(saturating: state.view.now.timeIntervalSince1970) != drawnSecond
        }
    }

    /// Hands `url` to the desktop's opener (xdg-open), detached, its output discarded; a failure is not the console's.
    private static func openOnDesktop(_ url: String) {
        // A shell starts the opener in the background and exits at once, so it is reaped here and leaves no zombie.
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0) }
        let words = ["/bin/sh", "-c", "xdg-open \"$1\" &", "sh", url]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ) == 0 else { return }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    private mutating func loadTheme(_ name: String, _ backend: any TerminalBackend) {
        do {
            theme = try themes.load(name)
            backend.apply(theme)
            state.view.message = .init("theme \(theme.name)", role: .ok)
        } catch {
            state.view.message = .init("\(error) · available: \(themes.available().joined(separator: ", "))", role: .warn)
        }
    }
}
