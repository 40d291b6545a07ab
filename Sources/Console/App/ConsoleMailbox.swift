import Foundation
import Telemetry

/// Hands work results to the event loop: the newest snapshot from the poller (older unread ones are dropped) and
/// every triage outcome, in order.
final class ConsoleMailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: Snapshot?
    private var outcomes: [TriageOutcome] = []

    /// Leaves `snapshot` for the loop, replacing any it has not read.
    func post(_ snapshot: Snapshot) {
        lock.withLock { latest = snapshot }
    }

    /// Queues triage outcomes for the loop.
    func post(_ results: [TriageOutcome]) {
        lock.withLock { outcomes += results }
    }

    /// Everything unread, as events.
    func take() -> [ConsoleEvent] {
        lock.withLock {
            defer {
                latest = nil
                outcomes = []
            }
            return (latest.map { [ConsoleEvent.snapshot($0)] } ?? []) + outcomes.map(ConsoleEvent.triage)
        }
    }
}
