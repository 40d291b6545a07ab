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
