import FoundationEssentials
import AWSCore
import Telemetry

/// Where a replay stands on its recording's timeline, how fast it moves, and whether it is paused.
public struct ReplayClock: Equatable, Sendable {
    public private(set) var position: Double
    public private(set) var speed: Double
    public private(set) var isPaused: Bool
    public private(set) var duration: Double
    public let loops: Bool
    /// While the recording is still loading, the clock waits at the end of what is loaded instead of looping.
    public var growing = false

    /// The speeds that +/- step through.
    public static let speeds: [Double] = [1, 2, 5, 10, 30, 60, 100, 300, 1000]

    public init(duration: Double, position: Double = 0, speed: Double = 1, loops: Bool = true) {
        self.duration = duration
        self.position = min(max(0, position), duration)
        self.speed = speed
        self.isPaused = false
        self.loops = loops
    }

    /// Moves the clock on by `elapsed` wall seconds; at the end it loops or stops.
    public mutating func advance(by elapsed: Double) {
        guard !isPaused, elapsed > 0 else { return }
        let next = position + elapsed * speed
        if next <= duration {
            position = next
        } else if growing {
            position = duration
        } else if loops, duration > 0 {
            position = next.truncatingRemainder(dividingBy: duration)
        } else {
            position = duration
            isPaused = true
        }
    }

    /// Lengthens the timeline to `duration` as more of the recording is loaded.
    public mutating func extend(to duration: Double) {
        self.duration = max(self.duration, duration)
    }

    /// Pauses a running replay or resumes a paused one.
    public mutating func togglePause() { isPaused.toggle() }

    /// Steps to the next faster (`+1`) or slower (`-1`) speed.
    public mutating func stepSpeed(_ direction: Int) {
        let index = Self.speeds.lastIndex { $0 <= speed } ?? 0
        speed = Self.speeds[min(max(0, index + direction), Self.speeds.count - 1)]
    }

    /// Jumps by `seconds` (negative goes back), staying within the recording.
    public mutating func seek(by seconds: Double) {
        position = min(max(0, position + seconds), duration)
    }
}
