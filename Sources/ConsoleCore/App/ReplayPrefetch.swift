import AWSCore
import FoundationEssentials
import Panels
import Telemetry

/// Builds the rows of a replay's next frame off the event loop, so moving to it only draws, as a live snapshot does
/// (at 100 accounts building every panel's rows on the loop took about 20 ms a frame).
final class ReplayPrefetch: @unchecked Sendable {
    /// A frame, known by its index and capture time (the timeline's first frame is replaced once the first cycle is read).
    private struct Frame: Equatable {
        var index: Int
        var capturedAt: Date
    }

    private let lock = Lock()
    private var requested: Frame?
    private var ready: (frame: Frame, contents: [PanelID: PanelContent])?

    /// Starts building the rows of frame `index`, `snapshot`, unless they are built or being built.
    func request(_ index: Int, _ snapshot: Snapshot) {
        let frame = Frame(index: index, capturedAt: snapshot.capturedAt)
        let isNew = lock.withLock {
            guard requested != frame else { return false }
            requested = frame
            return true
        }
        guard isNew else { return }
        Task.detached(priority: .utility) { [self] in
            let contents = PanelCatalog.prebuiltContents(for: snapshot)
            lock.withLock { if requested == frame { ready = (frame, contents) } }
        }
    }

    /// The rows built for frame `index`, `snapshot`, if they are ready.
    func take(_ index: Int, _ snapshot: Snapshot) -> [PanelID: PanelContent]? {
        lock.withLock {
            guard let ready, ready.frame == Frame(index: index, capturedAt: snapshot.capturedAt) else { return nil }
            self.ready = nil
            return ready.contents
        }
    }
}
