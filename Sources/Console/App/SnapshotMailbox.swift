import Foundation
import Telemetry

/// Hands the newest snapshot from the poller task to the event loop; older unread ones are dropped.
final class SnapshotMailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: Snapshot?

    /// Leaves `snapshot` for the loop, replacing any it has not read.
    func post(_ snapshot: Snapshot) {
        lock.withLock { latest = snapshot }
    }

    /// The newest unread snapshot, if any.
    func take() -> Snapshot? {
        lock.withLock {
            defer { latest = nil }
            return latest
        }
    }
}
