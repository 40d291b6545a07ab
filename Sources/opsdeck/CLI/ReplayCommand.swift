import ArgumentParser
import FoundationEssentials
import Telemetry
import AWSCore
import Recording
import Demo
import Panels
import ConsoleCore

/// Replays a recording in the console: its exchanges go through the same parsers, at the recorded timeline.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a recording made with `opsdeck record` (Space pause, + - speed, [ ] seek).",
        discussion: "Plain or gzip JSON Lines. A damaged file is reported with the line number and cause; the console draws at once and reads the cycles while it runs."
    )

    @Argument(help: "The recording to replay.")
    var file: String

    @Option(name: .long, help: "Print the replayed snapshot at the end of the recording (json or text) instead of starting the console.")
    var format: SnapshotOutput.Format?

    @Option(name: .long, help: "The largest recording to read, in MB once inflated.")
    var maxSize = RecordingCodec.defaultMaxBytes >> 20

    @OptionGroup var options: ConsoleOptions

    func validate() throws {
        guard (1...65_536).contains(maxSize) else { throw ValidationError("--max-size must be 1 to 65536 MB") }
    }

    func run() throws {
        if let format {
            do {
                let fixture = try load()
                try SnapshotOutput.finish(fixture.frames[fixture.frames.count - 1].snapshot, format: format)
            } catch let failure as ConsoleFailure {
                throw failure.exit()
            }
            return
        }
        try options.runConsole { try start() }
    }

    /// Checks the recording's header; its cycles are read and replayed while the console runs, and damage found
    /// there is shown with the line number, the frames before it kept.
    private func start() throws -> ConsoleSession.Source {
        let data = try read()
        do {
            return .loading(try ReplayLoad.start(data, maxBytes: maxSize << 20))
        } catch let error as RecordingError {
            throw ConsoleFailure("\(file): \(error)")
        }
    }

    /// Reads the recording and replays it into a timeline.
    private func load() throws -> Fixture {
        let recording = try checked()
        return try Blocking.wait { await RecordingReplay.fixture(from: recording) }
    }

    /// The file's bytes.
    private func read() throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw ConsoleFailure("\(file): cannot be read (\(FileFailure.reason(error)))")
        }
    }

    /// The whole recording decoded, a damaged one refused with the line number and cause.
    private func checked() throws -> Recording {
        let data = try read()
        do {
            let recording = try RecordingCodec.decode(data, maxBytes: maxSize << 20)
            guard !recording.cycles.isEmpty else { throw ConsoleFailure("\(file): the recording has no poll cycles") }
            return recording
        } catch let error as RecordingError {
            throw ConsoleFailure("\(file): \(error)")
        }
    }
}
