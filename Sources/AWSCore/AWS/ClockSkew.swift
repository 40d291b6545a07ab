import FoundationEssentials

/// How far the local clock is off the service's, learned from the `Date` header of a skew error and applied when signing.
public final class ClockSkew: @unchecked Sendable {
    private let lock = Lock()
    private var offset: TimeInterval = 0

    public init() {}

    /// Seconds to add to the local clock.
    public var current: TimeInterval { lock.withLock { offset } }

    /// Learns the offset from a response's server time; true when it changed enough to be worth a retry.
    @discardableResult
    public func learn(serverDate: Date, localDate: Date) -> Bool {
        let measured = serverDate.timeIntervalSince(localDate)
        return lock.withLock {
            let changed = abs(measured - offset) > 60
            if changed { offset = measured }
            return changed
        }
    }
}
