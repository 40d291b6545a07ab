import Foundation
import AWSCore
import Telemetry

/// A recording read so the console draws at once: its header now (a few milliseconds, every panel loading), then in
/// the background its first cycle (tens of milliseconds) and the rest, frames handed on in batches as the poller makes them.
public struct ReplayLoad: Sendable {
    /// What is shown before any cycle is replayed: the header's environments, every section loading.
    public let first: Fixture
    private let rest: Rest

    /// What is left to read: the file's bytes, or the recording already decoded.
    private enum Rest: Sendable {
        case raw(Data, maxBytes: Int)
        case decoded(Recording)
    }

    /// How much of the inflated recording is read for its first cycle.
    static let prefixBytes = 1 << 20

    /// Reads and checks the header of `raw` (plain or gzip); the cycles are read by `rest`.
    public static func start(_ raw: Data, maxBytes: Int = RecordingCodec.defaultMaxBytes) throws -> ReplayLoad {
        ReplayLoad(first: waiting(try RecordingCodec.header(of: raw)), rest: .raw(raw, maxBytes: maxBytes))
    }

    /// The same for a recording already decoded whole: replayed without decoding again.
    public static func start(decoded recording: Recording) -> ReplayLoad {
        ReplayLoad(first: waiting(recording.header), rest: .decoded(recording))
    }

    /// The timeline before any cycle: one frame at the recording's start with every section loading.
    private static func waiting(_ header: Recording.Header) -> Fixture {
        let environments = header.environments.map(\.config)
        return Fixture(header: Fixture.Header(title: header.title, start: header.start),
                       frames: [Fixture.Frame(offset: 0, snapshot: .waiting(for: environments, at: header.start))], environments: environments)
    }

    /// Replays the first cycle and hands it on in place of the waiting frame, then decodes the whole recording and
    /// hands on every later frame in batches, then the detail exchanges; a recording damaged past its first cycle
    /// ends with the error, the frames so far kept.
    public func rest(batch size: Int = 8, _ deliver: @Sendable (ReplayBatch) -> Void) async {
        let recording: Recording
        var shown = false
        switch rest {
        case .decoded(let decoded):
            recording = decoded
        case .raw(let raw, let maxBytes):
            if let head = try? Self.firstCycle(of: raw, maxBytes: maxBytes) {
                deliver(ReplayBatch(first: await RecordingReplay.fixture(from: head), frames: [], details: [], done: false))
                shown = true
            }
            do {
                recording = try RecordingCodec.decode(raw, maxBytes: maxBytes)
                guard !recording.cycles.isEmpty else { throw RecordingError(line: 0, cause: "the recording has no poll cycles") }
            } catch {
                deliver(ReplayBatch(frames: [], details: [], done: true, failure: "\(error)"))
                return
            }
        }
        var pending: [Fixture.Frame] = []
        await RecordingReplay.frames(from: recording) { index, frame in
            guard index > 0 else {
                if !shown { deliver(ReplayBatch(first: RecordingReplay.fixture(of: recording, frames: [frame], details: []), frames: [], details: [], done: false)) }
                return
            }
            pending.append(frame)
            if pending.count >= size {
                deliver(ReplayBatch(frames: pending, details: [], done: false))
                pending = []
            }
        }
        deliver(ReplayBatch(frames: pending, details: recording.details, done: true))
    }

    /// The header and first cycle of `raw`, decoded from the beginning of the file alone.
    private static func firstCycle(of raw: Data, maxBytes: Int) throws -> Recording {
        let head = Gzip.isGzip(raw) ? Gzip.prefix(raw, bytes: prefixBytes) : raw.prefix(prefixBytes)
        let lines = head.split(separator: 0x0A, omittingEmptySubsequences: false)
        // Up to the second cycle line, or whole lines of what the prefix holds.
        var end = lines.count - 1
        var cycles = 0
        for (index, line) in lines.enumerated() where line.starts(with: Data("{\"cycle\"".utf8)) {
            cycles += 1
            if cycles == 2 { end = index; break }
        }
        let recording = try RecordingCodec.decode(Data(lines.prefix(end).joined(separator: [0x0A]) + [0x0A]), maxBytes: maxBytes)
        guard let cycle = recording.cycles.first else { throw RecordingError(line: 0, cause: "the recording has no poll cycles") }
        return Recording(header: recording.header, cycles: [cycle])
    }

}

/// Frames of a recording loading in the background (first the first cycle's), and at the end its detail exchanges (or why it stopped).
public struct ReplayBatch: Equatable, Sendable {
    /// The first cycle's timeline, in place of the waiting frame shown before it.
    public var first: Fixture?
    public var frames: [Fixture.Frame]
    public var details: [Exchange]
    public var done: Bool
    public var failure: String?

    public init(first: Fixture? = nil, frames: [Fixture.Frame], details: [Exchange], done: Bool, failure: String? = nil) {
        self.first = first
        self.frames = frames
        self.details = details
        self.done = done
        self.failure = failure
    }
}
