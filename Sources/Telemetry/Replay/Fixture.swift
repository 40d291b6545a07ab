import Foundation

/// A recorded timeline of snapshots: a header line, then one JSON line per frame.
public struct Fixture: Equatable, Sendable {
    public var header: Header
    public var frames: [Frame]

    public init(header: Header, frames: [Frame]) {
        self.header = header
        self.frames = frames
    }

    /// What the first line of a fixture says about the rest.
    public struct Header: Codable, Equatable, Sendable {
        public var format: String
        public var version: Int
        public var title: String
        public var start: Date

        public init(title: String, start: Date) {
            self.format = Fixture.formatName
            self.version = Fixture.currentVersion
            self.title = title
            self.start = start
        }
    }

    /// The snapshot published at `offset` seconds into the recording.
    public struct Frame: Codable, Equatable, Sendable {
        public var offset: Double
        public var snapshot: Snapshot

        public init(offset: Double, snapshot: Snapshot) {
            self.offset = offset
            self.snapshot = snapshot
        }
    }

    public static let formatName = "opsdeck-fixture"
    public static let currentVersion = 1

    /// Seconds from the first frame to the last.
    public var duration: Double { frames.last?.offset ?? 0 }
}
