import FoundationEssentials
import AWSCore
import Telemetry

/// A recording read so the console draws at once: its header now (a few milliseconds, every panel loading), then in
/// the background its first cycle (tens of milliseconds) and the rest, frames handed on in batches as the poller makes them.
public struct ReplayLoad: Sendable {
    /// What is shown before any cycle is replayed: the header's environments, every section loading.
    public let first: Fixture
    private let rest: Rest

    /// What is left to read: the file's bytes (and whom to tell how much of them is read for good), or the recording
    /// already decoded.
    private enum Rest: Sendable {
        case raw(Data, maxBytes: Int, release: (@Sendable (Int) -> Void)?)
        case decoded(Recording)
    }

    /// Reads and checks the header of `raw` (plain or gzip); the cycles are read by `rest`, which after each cycle
    /// tells `release` how many of the bytes are read and will not be read again.
    public static func start(_ raw: Data, maxBytes: Int = RecordingCodec.defaultMaxBytes, release: (@Sendable (Int) -> Void)? = nil) throws -> ReplayLoad {
        ReplayLoad(first: waiting(try RecordingStream(raw, maxBytes: maxBytes).header), rest: .raw(raw, maxBytes: maxBytes, release: release))
    }

    /// The same for a recording already decoded whole.
    public static func start(decoded recording: Recording) -> ReplayLoad {
        ReplayLoad(first: waiting(recording.header), rest: .decoded(recording))
    }

    /// The timeline before any cycle: one frame at the recording's start with every section loading.
    private static func waiting(_ header: Recording.Header) -> Fixture {
        let waiting = Snapshot.waiting(for: header.environments.map(\.config), at: header.start)
        return RecordingReplay.fixture(of: header, from: 0, frames: [Fixture.Frame(offset: 0, snapshot: waiting)], details: [])
    }

    /// Replays the cycles as they are read, one at a time: the first handed on at once in place of the waiting frame,
    /// the rest in batches of `size`, then the detail exchanges. Only the cycle being replayed is held decoded; a
    /// recording damaged past its header ends with the error, the frames before it kept.
    public func rest(batch size: Int = 8, _ deliver: @Sendable (ReplayBatch) -> Void) async {
        var pending: [Fixture.Frame] = []
        var played = 0
        do {
            let header: Recording.Header
            let next: () throws -> Recording.Cycle?
            let details: () -> [Exchange]
            var read: () -> Void = {}
            switch rest {
            case .decoded(let recording):
                var cycles = recording.cycles.makeIterator()
                header = recording.header
                next = { cycles.next() }
                details = { recording.details }
            case .raw(let raw, let maxBytes, let release):
                let stream = try RecordingStream(raw, maxBytes: maxBytes)
                header = stream.header
                next = stream.nextCycle
                details = { stream.details }
                if let release { read = { release(stream.consumedInput) } }
            }
            let player = CyclePlayer(header)
            while let cycle = try next() {
                read()
                let frame = await player.play(cycle)
                played += 1
                if played == 1 {
                    deliver(ReplayBatch(first: RecordingReplay.fixture(of: header, from: cycle.t, frames: [frame], details: []), frames: [], details: [], done: false))
                    continue
                }
                pending.append(frame)
                if pending.count >= size {
                    deliver(ReplayBatch(frames: pending, details: [], done: false))
                    pending = []
                }
            }
            guard played > 0 else { throw RecordingError(line: 0, cause: "the recording has no poll cycles") }
            deliver(ReplayBatch(frames: pending, details: details(), done: true))
        } catch {
            deliver(ReplayBatch(frames: pending, details: [], done: true, failure: "\(error)"))
        }
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
