import ArgumentParser
import FoundationEssentials
import Panels
import Telemetry
import AWSCore
import Recording
import Demo
import ConsoleCore

/// Polls live, headless, and records every API exchange for `opsdeck replay`.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record every API exchange of a live polling session to FILE (JSON Lines; gzip with --gzip or a .gz name).",
        discussion: "Runs until --duration passes or Ctrl-C. Credentials, tokens and signatures are never written. Replay with `opsdeck replay FILE`."
    )

    @Argument(help: "Where to write the recording.")
    var file: String

    @Option(name: .long, help: "Seconds to record (default: until interrupted).")
    var duration: Double?

    @Flag(name: .long, help: "Compress with gzip (implied by a .gz file name).")
    var gzip = false

    @OptionGroup var live: LiveOptions

    func validate() throws {
        if let duration, duration <= 0 { throw ValidationError("--duration must be a positive number of seconds") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let signals = SignalWatcher()
        let settings: OpsdeckConfig
        let recorder: Recorder
        do {
            settings = try await live.settings(environment: environment)
            recorder = try live.recorder(to: file, title: "recorded \(AWSDate.format(Date()))", start: Date(), settings: settings, gzip: gzip)
        } catch let failure as ConsoleFailure {
            throw failure.exit()
        }
        let poller = live.poller(settings, environment: environment) { RecordingSource($1, environment: $0, recorder: recorder) }
        let end = duration.map { Date().addingTimeInterval($0) } ?? .distantFuture
        var cycles = 0
        while signals.stopSignal == nil && Date() < end {
            let now = Date()
            let snapshot = await poller.poll(now: now)
            let polled = await poller.lastPolled
            if !polled.isEmpty {
                try recorder.endCycle(at: now, polled: polled)
                cycles += 1
                let health = snapshot.accounts.filter { polled.contains($0.environment) }.map(\.healthSummary).joined(separator: "; ")
                StandardError.write("opsdeck: cycle \(cycles) at \(Format.clock(now)): \(health); \(recorder.written) exchanges recorded\n")
            }
            let next = min(await poller.nextPollDate(), end)
            while signals.stopSignal == nil && Date() < next {
                try await Task.sleep(nanoseconds: UInt64(min(0.25, max(0.01, next.timeIntervalSinceNow)) * 1e9))
            }
        }
        try recorder.finish()
        StandardError.write("opsdeck: wrote \(cycles) cycles, \(recorder.written) exchanges to \(file)\n")
    }
}
