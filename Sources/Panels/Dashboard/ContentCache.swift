import Telemetry
import AWSCore

/// Keeps each panel's rows between frames while the data stays the same (`DashboardView.dataVersion`), so a frame
/// that only moves the clock, the selection or the filter does not rebuild thousands of rows.
public final class ContentCache: @unchecked Sendable {
    private var version = -1
    private var contents: [PanelID: PanelContent] = [:]

    public init() {}

    /// Starts `version` with rows built elsewhere (e.g. off the event loop, when the snapshot arrived).
    public func install(_ contents: [PanelID: PanelContent], version: Int) {
        self.version = version
        self.contents = contents
    }

    /// The panel's content for `snapshot`, rebuilt only when `version` changed.
    public func content(_ id: PanelID, _ snapshot: Snapshot, version: Int) -> PanelContent {
        if version != self.version {
            self.version = version
            contents = [:]
        }
        if let cached = contents[id] { return cached }
        let fresh = PanelCatalog.panel(id).content(for: snapshot)
        contents[id] = fresh
        return fresh
    }
}
