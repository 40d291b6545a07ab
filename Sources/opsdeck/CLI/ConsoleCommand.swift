import ArgumentParser
import FoundationEssentials
import Telemetry
import AWSCore
import Recording
import Demo
import Panels
import ConsoleCore

/// Starts the full-screen console, live or on the embedded demo.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Run the full-screen console (the default): live, or --demo for the embedded recording.",
        discussion: "Keys: Tab/Shift-Tab and 1-7 focus, z zoom, / filter, : command, ? help, j/k move, Enter detail, q quit."
    )

    @Flag(name: .long, help: "Run on the embedded demo recording of the dev/staging/prod platform.")
    var demo = false

    @OptionGroup var options: ConsoleOptions

    @OptionGroup var live: LiveOptions

    func run() throws {
        try options.runConsole {
            guard demo else {
                let (poller, allowed) = try live.poller(environment: ProcessInfo.processInfo.environment, allowActionsFlag: options.allowActions)
                return .live(poller, allowActions: allowed)
            }
            do {
                return .loading(try DemoFixture.start())
            } catch {
                throw ConsoleFailure("cannot load the demo: \(error)")
            }
        }
    }
}
