import FoundationEssentials
import AWSCore
import Telemetry

/// A timeline of snapshots to replay, as a recording's cycles produce them.
public struct Fixture: Equatable, Sendable {
    public var header: Header
    public var frames: [Frame]
    /// The environments as recorded, and the recording's detail exchanges, for detail views during the replay.
    public var environments: [EnvironmentConfig]
    public var details: [Exchange]

    public init(header: Header, frames: [Frame], environments: [EnvironmentConfig] = [], details: [Exchange] = []) {
        self.header = header
        self.frames = frames
        self.environments = environments
        self.details = details
    }

    /// What the timeline is and when it starts.
    public struct Header: Equatable, Sendable {
        public var title: String
        public var start: Date

        public init(title: String, start: Date) {
            self.title = title
            self.start = start
        }
    }

    /// The snapshot published at `offset` seconds into the recording.
    public struct Frame: Equatable, Sendable {
        public var offset: Double
        public var snapshot: Snapshot

        public init(offset: Double, snapshot: Snapshot) {
            self.offset = offset
            self.snapshot = snapshot
        }
    }

    /// Seconds from the first frame to the last.
    public var duration: Double { frames.last?.offset ?? 0 }
}
