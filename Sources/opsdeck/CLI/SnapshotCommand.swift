import ArgumentParser
import FoundationEssentials
import Panels
import Telemetry
import AWSCore
import Recording
import Demo
import ConsoleCore

/// Polls every environment once, headless, and prints every panel's data.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Poll every configured environment once and print every panel's data.",
        discussion: "Exit status: 0 when every environment answered fully, 1 when some data is missing or stale (it is still printed), 2 for configuration errors."
    )

    @Option(name: .long, help: "Output format: json or text.")
    var format: SnapshotOutput.Format = .text

    @Option(name: .long, help: "Also record the poll's API exchanges to this file (gzip if it ends in .gz).")
    var record: String?

    @OptionGroup var live: LiveOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        // Whole seconds, so the snapshot printed and one replayed from --record agree to the second.
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let poller: Poller
        var recorder: Recorder?
        do {
            let settings = try await live.settings(environment: environment)
            if let record {
                recorder = try live.recorder(to: record, title: "snapshot \(AWSDate.format(now))", start: now, settings: settings)
            }
            poller = live.poller(settings, environment: environment) { environment, source in
                recorder.map { RecordingSource(source, environment: environment, recorder: $0) } ?? source
            }
        } catch let failure as ConsoleFailure {
            throw failure.exit()
        }
        let snapshot = await poller.poll(now: now, force: true)
        if let recorder {
            try recorder.endCycle(at: now, polled: await poller.lastPolled)
            try recorder.finish()
        }
        try SnapshotOutput.finish(snapshot, format: format, calls: await poller.lastCycleCalls)
    }
}
