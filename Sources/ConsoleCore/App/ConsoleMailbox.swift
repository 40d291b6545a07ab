import FoundationEssentials
import Panels
import Telemetry
import AWSCore
import Recording

/// Hands work results to the event loop: the newest snapshot from the poller (older unread ones are dropped) and
/// every triage outcome, in order.
final class ConsoleMailbox: @unchecked Sendable {
    private let lock = Lock()
    private var latest: (snapshot: Snapshot, prepared: [PanelID: PanelContent])?
    private var outcomes: [TriageOutcome] = []
    private var batches: [ReplayBatch] = []

    /// Leaves `snapshot` for the loop, replacing any it has not read, with its panel rows built here (on the poller's
    /// task) so the loop's next frame only draws. Panels not marked prebuilt (alarms) are left out: the loop adds local triage state to them first.
    func post(_ snapshot: Snapshot) {
        let prepared = PanelCatalog.prebuiltContents(for: snapshot)
        lock.withLock { latest = (snapshot, prepared) }
    }

    /// Queues triage outcomes for the loop.
    func post(_ results: [TriageOutcome]) {
        lock.withLock { outcomes += results }
    }

    /// Queues frames of a recording loading in the background.
    func post(_ batch: ReplayBatch) {
        lock.withLock { batches.append(batch) }
    }

    /// Everything unread, as events.
    func take() -> [ConsoleEvent] {
        lock.withLock {
            defer {
                latest = nil
                outcomes = []
                batches = []
            }
            return (latest.map { [ConsoleEvent.snapshot($0.snapshot, prepared: $0.prepared)] } ?? []) + batches.map(ConsoleEvent.replayLoaded) + outcomes.map(ConsoleEvent.triage)
        }
    }
}
