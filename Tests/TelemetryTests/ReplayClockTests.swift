import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

@Suite struct ReplayClockTests {
    @Test func advancesAtItsSpeed() {
        var clock = ReplayClock(duration: 100, speed: 10)
        clock.advance(by: 2)
        #expect(clock.position == 20)
    }

    @Test func loopsAtTheEnd() {
        var clock = ReplayClock(duration: 100, position: 90, speed: 10)
        clock.advance(by: 2)
        #expect(clock.position == 10)
    }

    @Test func stopsAtTheEndWhenNotLooping() {
        var clock = ReplayClock(duration: 100, position: 90, speed: 10, loops: false)
        clock.advance(by: 2)
        #expect(clock.position == 100)
        #expect(clock.isPaused)
    }

    @Test func aGrowingClockWaitsAtTheEndOfWhatIsLoaded() {
        var clock = ReplayClock(duration: 0, speed: 10)
        clock.growing = true
        clock.advance(by: 2)
        #expect(clock.position == 0 && !clock.isPaused, "neither looping nor stopping while the rest loads")
        clock.extend(to: 300)
        clock.advance(by: 2)
        #expect(clock.position == 20)
        clock.growing = false
        clock.advance(by: 30)
        #expect(clock.position == 20, "loaded, it loops again (320 s into 300)")
    }

    @Test func theHeaderComesAtOnceThenTheFirstCycleThenTheRestInBatchesToTheSameTimeline() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("load-\(UUID().uuidString).jsonl.gz")
        defer { try? FileManager.default.removeItem(at: url) }
        try await DemoRecording.generate(to: url, story: DemoStory(step: 300, duration: 1500))
        let data = try Data(contentsOf: url)
        let load = try ReplayLoad.start(data)
        #expect(load.first.frames.count == 1 && load.first.details.isEmpty && load.first.environments.map(\.name) == ["dev", "staging", "prod"])
        let waiting = try #require(load.first.frames.first?.snapshot)
        #expect(waiting.accounts.count == 3 && waiting.accounts.allSatisfy { $0.sections.values.allSatisfy { $0.phase == .loading } }, "every section loading")
        final class Batches: @unchecked Sendable { var all: [ReplayBatch] = [] }
        let batches = Batches()
        await load.rest(batch: 2) { batches.all.append($0) }
        #expect(batches.all.map(\.frames.count) == [0, 2, 2, 1] && batches.all.map(\.done) == [false, false, false, true])
        #expect(batches.all.map { $0.first != nil } == [true, false, false, false], "the first cycle comes before the rest")
        #expect(!(batches.all.last?.details.isEmpty ?? true))
        let whole = await RecordingReplay.fixture(from: try RecordingCodec.decode(data))
        let first = try #require(batches.all.first?.first)
        #expect(first.header == whole.header && first.frames + batches.all.flatMap(\.frames) == whole.frames, "the same frames as replaying it whole")
        var replayer = FixtureReplayer(fixture: load.first)
        for batch in batches.all {
            if let first = batch.first { replayer.begin(with: first) }
            replayer.append(batch.frames)
        }
        #expect(replayer.fixture.frames == whole.frames && replayer.fixture.header == whole.header)
        let decoded = ReplayLoad.start(decoded: try RecordingCodec.decode(data))
        let again = Batches()
        await decoded.rest(batch: 2) { again.all.append($0) }
        #expect(decoded.first == load.first && again.all == batches.all, "a recording already decoded loads the same")
    }

    @Test func aRecordingDamagedPastItsFirstCycleEndsWithTheErrorAndKeepsTheFirst() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("load-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try await DemoRecording.generate(to: url, story: DemoStory(step: 300, duration: 600), gzip: false)
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let second = try #require(lines.firstIndex { $0.hasPrefix("{\"cycle\":300") })
        lines[second + 1] = "{not json"
        let load = try ReplayLoad.start(Data(lines.joined(separator: "\n").utf8))
        #expect(load.first.frames.count == 1)
        final class Batches: @unchecked Sendable { var all: [ReplayBatch] = [] }
        let batches = Batches()
        await load.rest { batches.all.append($0) }
        #expect(batches.all.first?.first?.frames.count == 1, "the first cycle is still shown")
        #expect(batches.all.last?.done == true && batches.all.last?.failure?.contains("recording line \(second + 2)") == true)
    }

    @Test func aDamagedHeaderIsRefusedAtOnceAndACycleLessRecordingSaysSoWhenRead() async throws {
        #expect(throws: RecordingError.self) { try ReplayLoad.start(Data("{\"format\":\"other\"}\n".utf8)) }
        #expect(throws: RecordingError.self) { try ReplayLoad.start(Data([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0xff, 0xff])) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("load-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try await DemoRecording.generate(to: url, story: DemoStory(step: 300, duration: 600), gzip: false)
        let header = try #require(String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n").first)
        let load = try ReplayLoad.start(Data((header + "\n").utf8))
        final class Last: @unchecked Sendable { var batch: ReplayBatch? }
        let last = Last()
        await load.rest { last.batch = $0 }
        #expect(last.batch?.done == true && last.batch?.failure?.contains("no poll cycles") == true)
    }

    @Test func pauseHoldsThePosition() {
        var clock = ReplayClock(duration: 100, position: 5)
        clock.togglePause()
        clock.advance(by: 50)
        #expect(clock.position == 5)
        clock.togglePause()
        clock.advance(by: 1)
        #expect(clock.position == 6)
    }

    @Test func speedStepsBetweenOneAndAThousand() {
        var clock = ReplayClock(duration: 100)
        clock.stepSpeed(-1)
        #expect(clock.speed == 1)
        for _ in 0..<20 { clock.stepSpeed(1) }
        #expect(clock.speed == 1000)
        clock.stepSpeed(-1)
        #expect(clock.speed == 300)
    }

    @Test func seekStaysInsideTheRecording() {
        var clock = ReplayClock(duration: 100, position: 30)
        clock.seek(by: -60)
        #expect(clock.position == 0)
        clock.seek(by: 500)
        #expect(clock.position == 100)
    }

    @Test func replayerPicksTheLastFrameAtOrBeforeThePosition() {
        let replayer = FixtureReplayer(fixture: timeline(DemoStory(step: 300, duration: 900)))
        #expect(replayer.frameIndex(at: 0) == 0)
        #expect(replayer.frameIndex(at: 299) == 0)
        #expect(replayer.frameIndex(at: 300) == 1)
        #expect(replayer.frameIndex(at: 5000) == 3)
    }
}

/// The story's snapshots every `step` seconds, as a replay timeline.
func timeline(_ story: DemoStory) -> Fixture {
    Fixture(header: .init(title: story.start.description, start: story.start),
            frames: stride(from: 0, through: story.duration, by: story.step).map { Fixture.Frame(offset: Double($0), snapshot: story.snapshot(at: $0)) })
}
