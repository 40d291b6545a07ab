import Foundation
import AWSCore
import Telemetry

/// A timeline of snapshots to replay, as a recording's cycles produce them.
public struct Fixture: Equatable, Sendable {
    public var header: Header
    public var frames: [Frame]

    public init(header: Header, frames: [Frame]) {
        self.header = header
        self.frames = frames
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
