import FoundationEssentials
import Testing
@testable import ConsoleCore
import Demo
import Panels
import Telemetry

/// A replay's next frame has its rows built off the event loop, handed over once and only for that frame.
@Suite struct ReplayPrefetchTests {
    let story = DemoStory()

    /// Waits up to two seconds for the rows of frame `index`.
    private func built(_ prefetch: ReplayPrefetch, _ index: Int, _ snapshot: Snapshot) async throws -> [PanelID: PanelContent]? {
        for _ in 0..<200 {
            if let contents = prefetch.take(index, snapshot) { return contents }
            try await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    @Test func theNextFramesRowsAreBuiltOnceAndHandedOver() async throws {
        let prefetch = ReplayPrefetch()
        let snapshot = story.snapshot(at: 600)
        #expect(prefetch.take(1, snapshot) == nil, "nothing before it is asked for")
        prefetch.request(1, snapshot)
        let contents = try #require(try await built(prefetch, 1, snapshot))
        #expect(Set(contents.keys) == Set(PanelCatalog.prebuilt.map(\.id)))
        #expect(contents[.alarms] == nil, "alarms carry local triage state and are built on the loop")
        let stacks = PanelCatalog.panel(.stacks).content(for: snapshot)
        #expect(stacks.rowCount > 0 && contents[.stacks]?.rows.map(\.search) == stacks.rows.map(\.search))
        #expect(prefetch.take(1, snapshot) == nil, "handed over once")
    }

    @Test func anotherFrameGetsNothing() async throws {
        let prefetch = ReplayPrefetch()
        let asked = story.snapshot(at: 600)
        prefetch.request(2, asked)
        _ = try #require(try await built(prefetch, 2, asked))
        prefetch.request(2, story.snapshot(at: 630))
        let replaced = story.snapshot(at: 660)
        try await Task.sleep(for: .milliseconds(200))
        #expect(prefetch.take(2, replaced) == nil, "same index, another frame (the timeline's first frame is replaced once read)")
        #expect(prefetch.take(3, asked) == nil)
    }
}
