import FoundationEssentials
import AWSCore
import Telemetry

/// The log tail open on screen: the tail itself, whether it is paused or scrolled back, the read under way, and the
/// last top-errors report.
public struct LogScreen: Equatable, Sendable {
    public var title: String
    public var tail: LogTail
    public var paused = false
    /// Lines scrolled up from the newest; 0 follows the tail.
    public var scroll = 0
    /// Whether a read is under way, whether one has come back, and the seconds since the last one came back.
    public var reading = false
    public var hasRead = false
    public var waited: Double = .infinity
    public var topErrors: TopErrors?
    /// The range the top-errors query covers, and whether it is running.
    public var insightsRange: DetailRange = .hour
    public var querying = false

    public init(title: String, tail: LogTail) {
        self.title = title
        self.tail = tail
    }

    /// Seconds between reads.
    public static let interval: Double = 2

    /// Whether a read is due.
    public var due: Bool { !paused && !reading && waited >= Self.interval }
}
