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

    func validate() throws {
        guard (1...1000).contains(speed) else { throw ValidationError("--speed must be between 1 and 1000") }
    }

    /// What the console shows: a timeline to replay, or a poller to follow live.
    enum Source {
        case replay(Fixture)
        case live(Poller)
    }

    /// Runs the full-screen console on `source` until quit; startup failures are one line and exit status 2.
    func runConsole(_ make: () throws -> Source) throws {
        do {
            try start(make)
        } catch let failure as ConsoleFailure {
            FileHandle.standardError.write(Data("opsdeck: \(failure)\n".utf8))
            throw ExitCode(2)
        }
    }

    private func start(_ make: () throws -> Source) throws {
        let environment = ProcessInfo.processInfo.environment
        let source = try make()
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
            startupProblems.append("\(keyFile.lastPathComponent) \(error); using default keys")
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
        var mailbox: SnapshotMailbox?
        var polling: Task<Void, Never>?
        switch source {
        case .replay(let fixture):
            state = AppState(replay: ReplaySession(fixture: fixture, speed: speed), bindings: bindings)
        case .live(let poller):
            let now = Date()
            state = AppState(live: Snapshot.waiting(for: poller.environments, at: now), now: now, bindings: bindings)
            let box = SnapshotMailbox()
            mailbox = box
            polling = Task.detached { await poller.run { box.post($0) } }
        }
        if !startupProblems.isEmpty { state.view.message = .init(startupProblems.joined(separator: " · "), role: .warn) }
        var loop = EventLoop(state: state, theme: chosen, themes: themes, mailbox: mailbox)
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
}
