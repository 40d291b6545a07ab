import ArgumentParser
import Dispatch
import FoundationEssentials
import AWSCore
import Telemetry
import Recording
import Demo
import Panels
import ConsoleCore

/// The `opsdeck` command and its subcommands.
@main
struct Opsdeck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opsdeck",
        abstract: "A keyboard-driven terminal operations console for a multi-account AWS platform.",
        discussion: "Start with `opsdeck --demo`. Live: `opsdeck` with ~/.config/opsdeck/config.toml (see docs/config.example.toml). Console options: `opsdeck help console`.",
        version: "opsdeck 0.1.0",
        subcommands: [ConsoleCommand.self, SnapshotCommand.self, RecordCommand.self, ReplayCommand.self, LoginCommand.self, TriageLogCommand.self, GenerateDemoFixture.self],
        defaultSubcommand: ConsoleCommand.self
    )

    /// Runs the command after one malloc arena is set for every thread: the console's threads (the event loop, the
    /// concurrency pool, the curl worker) allocate little and rarely at once, and each extra arena held about 0.5 MB.
    /// The entry is synchronous and waits for the command's task: an async main hands the main thread to dispatch_main,
    /// whose pthread_exit unwinds it through the binary's whole unwind table (and loads libgcc_s) at every start,
    /// about 0.6 MB more resident before anything is drawn.
    static func main() {
        Heap.useOneArena()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await main(nil)
            done.signal()
        }
        done.wait()
    }
}
