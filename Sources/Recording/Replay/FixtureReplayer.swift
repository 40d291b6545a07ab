import FoundationEssentials
import AWSCore
import Telemetry

/// Serves the snapshot a fixture held at any point of its timeline.
public struct FixtureReplayer: Sendable {
    public private(set) var fixture: Fixture

    public init(fixture: Fixture) {
        self.fixture = fixture
    }

    /// Puts the first cycle's timeline in place of the frame shown while it was read.
    public mutating func begin(with first: Fixture) {
        fixture.header = first.header
        if let frame = first.frames.first { fixture.frames[0] = frame }
    }

    /// Adds frames loaded after the first, in time order.
    public mutating func append(_ frames: [Fixture.Frame]) {
        fixture.frames += frames
    }

    /// The index of the last frame at or before `position`.
    public func frameIndex(at position: Double) -> Int {
        var low = 0
        var high = fixture.frames.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if fixture.frames[mid].offset <= position { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The snapshot in force at `position` seconds into the recording.
    public func snapshot(at position: Double) -> Snapshot {
        fixture.frames[frameIndex(at: position)].snapshot
    }
}
