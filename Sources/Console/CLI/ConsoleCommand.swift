import ArgumentParser
import Foundation
import Telemetry

/// Starts the full-screen console.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Run the full-screen console (the default).",
        discussion: "Keys: Tab/Shift-Tab and 1-7 focus, z zoom, / filter, : command, ? help, j/k move, Enter detail, q quit."
    )

    @Flag(name: .long, help: "Run on the embedded demo recording of the dev/staging/prod platform.")
    var demo = false

    @Option(name: .long, help: "Theme name (dark, light, high-contrast, mono) or path to a theme file.")
    var theme = "dark"

    @Option(name: .long, help: "Replay speed: 1 to 1000 times real time.")
    var speed: Double = 1

    @Option(name: .long, help: "Key overrides file (default: ~/.config/opsdeck/keys.toml).")
    var keys: String?

    @OptionGroup var live: LiveOptions

    func validate() throws {
        guard (1...1000).contains(speed) else { throw ValidationError("--speed must be between 1 and 1000") }
    }

    func run() throws {
        do {
            try start()
        } catch let failure as ConsoleFailure {
            FileHandle.standardError.write(Data("opsdeck: \(failure)\n".utf8))
            throw ExitCode(2)
        }
    }

    private func start() throws {
        let environment = ProcessInfo.processInfo.environment
        var fixture: Fixture?
        var poller: Poller?
        if demo {
            do {
                fixture = try Blocking.wait { try await DemoFixture.load() }
            } catch {
                throw ConsoleFailure("cannot load the demo: \(error)")
            }
        } else {
            poller = try live.poller(environment: environment).poller
        }
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
        if let fixture {
            state = AppState(replay: ReplaySession(fixture: fixture, speed: speed), bindings: bindings)
        } else if let poller {
            let now = Date()
            state = AppState(live: Snapshot.waiting(for: poller.environments, at: now), now: now, bindings: bindings)
            let box = SnapshotMailbox()
            mailbox = box
            polling = Task.detached { await poller.run { box.post($0) } }
        } else {
            return
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
