import ArgumentParser
import FoundationEssentials
import Telemetry
import AWSCore
import Recording
import Demo
import Panels
import ConsoleCore

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

    /// Runs the full-screen console on `make`'s source until quit; startup failures are one line and exit status 2.
    func runConsole(_ make: () throws -> ConsoleSession.Source) throws {
        do {
            let environment = ProcessInfo.processInfo.environment
            let source = try make()
            let session = ConsoleSession(source: source, theme: theme, speed: speed, keys: keys, environment: environment)
            do {
                try TerminalCheck.verify(environment: environment)
            } catch {
                throw ConsoleFailure(String(describing: error))
            }
            let backend = NcursesBackend()
            let stopSignal = session.run(on: backend)
            backend.close()
            if let stopSignal { throw ExitCode(128 + stopSignal) }
        } catch let failure as ConsoleFailure {
            throw failure.exit()
        }
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
        StandardError.write("opsdeck: \(description)\n")
        return ExitCode(2)
    }
}
