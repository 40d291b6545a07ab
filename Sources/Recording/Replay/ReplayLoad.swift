import Foundation
import AWSCore
import Telemetry

/// A recording read in two steps so the console draws at once: its header and first cycle now (a few milliseconds),
/// then the rest decoded and replayed in the background, frames handed on in batches as the poller makes them.
public struct ReplayLoad: Sendable {
    /// The timeline so far: the first cycle's frame, the environments, no detail exchanges yet.
    public let first: Fixture
    private let rest: Rest

    /// What is left to read: the file's bytes, or the recording already decoded (checked before the terminal was taken).
    private enum Rest: Sendable {
        case raw(Data, maxBytes: Int)
        case decoded(Recording)
    }

    /// How much of the inflated recording is read for its first cycle.
    static let prefixBytes = 1 << 20

    /// Reads the header and the first cycle of `raw` (plain or gzip); the whole file is checked by `rest`.
    public static func start(_ raw: Data, maxBytes: Int = RecordingCodec.defaultMaxBytes) async throws -> ReplayLoad {
        let head = Gzip.isGzip(raw) ? Gzip.prefix(raw, bytes: prefixBytes) : raw.prefix(prefixBytes)
        let lines = head.split(separator: 0x0A, omittingEmptySubsequences: false)
        // The header and the first cycle's lines: up to the second cycle line (or what the prefix holds, whole lines).
        var end = lines.count - 1
        var cycles = 0
        for (index, line) in lines.enumerated() where line.starts(with: Data("{\"cycle\"".utf8)) {
            cycles += 1
            if cycles == 2 { end = index; break }
        }
        let firstLines = lines.prefix(end).joined(separator: [0x0A]) + [0x0A]
        let recording = try RecordingCodec.decode(Data(firstLines), maxBytes: maxBytes)
        guard !recording.cycles.isEmpty else { throw RecordingError(line: 0, cause: "the recording has no poll cycles") }
        return ReplayLoad(first: await firstFrame(recording), rest: .raw(raw, maxBytes: maxBytes))
    }

    /// The same for a recording already decoded whole: its first cycle now, the rest replayed without decoding again.
    public static func start(decoded recording: Recording) async -> ReplayLoad {
        ReplayLoad(first: await firstFrame(recording), rest: .decoded(recording))
    }

    /// The timeline of `recording`'s first cycle alone.
    private static func firstFrame(_ recording: Recording) async -> Fixture {
        var first = await RecordingReplay.fixture(from: Recording(header: recording.header, cycles: Array(recording.cycles.prefix(1))))
        first.details = []
        return first
    }

    /// Decodes the whole recording and replays it, handing on every frame after the first in batches, then the
    /// detail exchanges; a recording damaged past its first cycle ends with the error, the frames so far kept.
    public func rest(batch size: Int = 8, _ deliver: @Sendable (ReplayBatch) -> Void) async {
        let recording: Recording
        switch rest {
        case .decoded(let decoded):
            recording = decoded
        case .raw(let raw, let maxBytes):
            do {
                recording = try RecordingCodec.decode(raw, maxBytes: maxBytes)
            } catch {
                deliver(ReplayBatch(frames: [], details: [], done: true, failure: "\(error)"))
                return
            }
        }
        var pending: [Fixture.Frame] = []
        await RecordingReplay.frames(from: recording) { index, frame in
            guard index > 0 else { return }
            pending.append(frame)
            if pending.count >= size {
                deliver(ReplayBatch(frames: pending, details: [], done: false))
                pending = []
            }
        }
        deliver(ReplayBatch(frames: pending, details: recording.details, done: true))
    }
}

/// Frames of a recording loading in the background, and at the end its detail exchanges (or why it stopped).
public struct ReplayBatch: Equatable, Sendable {
    public var frames: [Fixture.Frame]
    public var details: [Exchange]
    public var done: Bool
    public var failure: String?

    public init(frames: [Fixture.Frame], details: [Exchange], done: Bool, failure: String? = nil) {
        self.frames = frames
        self.details = details
        self.done = done
        self.failure = failure
    }
}
