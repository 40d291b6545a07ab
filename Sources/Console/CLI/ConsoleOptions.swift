import ArgumentParser
import Foundation
import Telemetry

/// The options every console mode shares: theme, replay speed and key overrides.
struct ConsoleOptions: ParsableArguments {
    @Option(name: .long, help: "Theme name (dark, light, high-contrast, mono) or path to a theme file.")
    var theme = "dark"

    @Option(name: .long, help: "Replay speed: 1 to 1000 times real time.")
    var speed: Double = 1

    @Option(name: .long, help: "Key overrides file (default: ~/.config/opsdeck/keys.toml).")
    var keys: String?

    @Flag(name: .long, help: "Allow calls that change AWS (drift detection, muting alarm actions), each after a confirmation.")
    var allowActions = false

    func validate() throws {
        guard (1...1000).contains(speed) else { throw ValidationError("--speed must be between 1 and 1000") }
    }

    /// What the console shows: a timeline to replay, or a poller to follow live.
    enum Source {
        case replay(Fixture)
        /// A live poller, and whether actions are allowed (--allow-actions or config.toml).
        case live(Poller, allowActions: Bool)
    }

    /// Runs the full-screen console on `source` until quit; startup failures are one line and exit status 2.
    func runConsole(_ make: () throws -> Source) throws {
        do {
            try start(make)
        } catch let failure as ConsoleFailure {
            throw failure.exit()
        }
    }

    private func start(_ make: () throws -> Source) throws {
        let environment = ProcessInfo.processInfo.environment
        let source = try make()
        _ = releaseFreeHeap(0)  // hand back what loading the recording used; the console then runs in a small steady heap
        var startupProblems: [String] = []
        var bindings = KeyBindings.defaults
        let keyFile = keys.map { URL(fileURLWithPath: $0) } ?? ConfigPaths(environment: environment).keysFile
        do {
            if let overrides = try KeyFile.read(keyFile) {
                startupProblems += bindings.apply(overrides).map { "\(keyFile.lastPathComponent): \($0)" }
            } else if keys != nil {
                startupProblems.append("key file \(keyFile.path) not found")
            }
        } catch {
            startupProblems.append("\(keyFile.lastPathComponent)\(error is TOMLError ? " " : ": ")\(error); using default keys")
        }
        let themes = ThemeLoader.standard(environment: environment)
        let chosen: Theme
        do {
            chosen = try themes.load(theme)
        } catch {
            startupProblems.append("\(error); using dark")
            chosen = .dark
        }
        do {
            try TerminalCheck.verify(environment: environment)
        } catch {
            throw ConsoleFailure(String(describing: error))
        }
        var state: AppState
        let mailbox = ConsoleMailbox()
        var polling: Task<Void, Never>?
        var sources: [String: any ExchangeSource] = [:]
        let paths = ConfigPaths(environment: environment)
        switch source {
        case .replay(let fixture):
            state = AppState(replay: ReplaySession(fixture: fixture, speed: speed), bindings: bindings)
        case .live(let poller, let allowed):
            let now = Date()
            state = AppState(live: Snapshot.waiting(for: poller.environments, at: now), now: now, bindings: bindings)
            state.allowActions = allowed
            do {
                state.triage = try TriageState.load(paths.triageStateFile)
            } catch {
                startupProblems.append("\(error); starting with no acknowledgements or mutes")
            }
            do {
                state.openMutes = TriageLog.openMutes(try TriageLog.load(paths.triageLogFile))
            } catch {
                startupProblems.append("\(error); no expired mute will be re-enabled")
            }
            sources = poller.sources
            polling = Task.detached { await poller.run { mailbox.post($0) } }
        }
        if !startupProblems.isEmpty { state.view.message = .init(startupProblems.joined(separator: " · "), role: .warn) }
        let user = "\(environment["USER"] ?? "unknown")@\(ProcessInfo.processInfo.hostName)"
        let runner = TriageRunner(sources: sources, paths: paths, mailbox: mailbox, localUser: user)
        var loop = EventLoop(state: state, theme: chosen, themes: themes, mailbox: mailbox, runner: runner)
        let signals = SignalWatcher()
        let backend = NcursesBackend()
        let stopSignal = loop.run(on: backend, signals: signals)
        backend.close()
        polling?.cancel()
        if let stopSignal { throw ExitCode(128 + stopSignal) }
    }
}

/// A startup failure: printed as one clear line, exit status 2.
struct ConsoleFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }

    /// Prints the failure as one line on stderr; the exit status 2 to throw.
    func exit() -> ExitCode {
        FileHandle.standardError.write(Data("opsdeck: \(description)\n".utf8))
        return ExitCode(2)
    }
}

/// glibc's malloc_trim: returns free heap pages to the system.
@_silgen_name("malloc_trim")
private func releaseFreeHeap(_ pad: Int) -> Int32
