import FoundationEssentials
import Telemetry
import AWSCore
import Recording
import Panels

/// A fixture being replayed: its clock and the frame last published.
struct ReplaySession: Sendable {
    private(set) var clock: ReplayClock
    private(set) var replayer: FixtureReplayer
    private(set) var frame: Int

    init(fixture: Fixture, speed: Double, start: Double = 0) {
        replayer = FixtureReplayer(fixture: fixture)
        clock = ReplayClock(duration: fixture.duration, position: start, speed: speed)
        frame = replayer.frameIndex(at: clock.position)
    }

    /// The snapshot at the current position.
    var snapshot: Snapshot { replayer.fixture.frames[frame].snapshot }

    /// The snapshot of the frame after the current one, if it is loaded.
    var next: Snapshot? {
        let frames = replayer.fixture.frames
        return frame + 1 < frames.count ? frames[frame + 1].snapshot : nil
    }

    /// Where in the recording the frame on screen was captured, in seconds from its start.
    var frameOffset: Double { replayer.fixture.frames[frame].offset }

    /// The recording's wall-clock time at the current position.
    var now: Date { replayer.fixture.header.start.addingTimeInterval(clock.position) }

    /// Whether the rest of the recording is still loading.
    var loading: Bool { clock.growing }

    /// Starts waiting for the rest of the recording.
    mutating func beginLoading() { clock.growing = true }

    /// Takes frames loaded in the background; returns the new snapshot when the frame in force changed.
    mutating func load(_ batch: ReplayBatch) -> Snapshot? {
        if let first = batch.first { replayer.begin(with: first) }
        replayer.append(batch.frames)
        clock.extend(to: replayer.fixture.duration)
        if batch.done { clock.growing = false }
        let changed = update { _ in }
        return changed ?? (batch.first != nil && frame == 0 ? snapshot : nil)
    }

    /// Changes the clock; returns the new snapshot when the frame in force changed.
    mutating func update(_ change: (inout ReplayClock) -> Void) -> Snapshot? {
        change(&clock)
        let next = replayer.frameIndex(at: clock.position)
        guard next != frame else { return nil }
        frame = next
        return snapshot
    }
}
