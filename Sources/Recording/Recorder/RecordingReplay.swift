import Foundation
import AWSCore
import Telemetry

/// Turns a recording back into snapshots by running each cycle's exchanges through the same poller and parsers
/// that made them live.
public enum RecordingReplay {
    /// The timeline of snapshots the recording's cycles produce, one frame per cycle.
    public static func fixture(from recording: Recording) async -> Fixture {
        var frames: [Fixture.Frame] = []
        await self.frames(from: recording) { _, frame in frames.append(frame) }
        return fixture(of: recording, frames: frames, details: recording.details)
    }

    /// The timeline of `frames` replayed from `recording`, starting at its first cycle.
    static func fixture(of recording: Recording, frames: [Fixture.Frame], details: [Exchange]) -> Fixture {
        let first = recording.cycles.first?.t ?? 0
        return Fixture(header: Fixture.Header(title: recording.header.title, start: recording.header.start.addingTimeInterval(first)), frames: frames,
                       environments: recording.header.environments.map(\.config), details: details)
    }

    /// Runs each cycle through the poller in order, handing on each frame (with its index) as it is made.
    static func frames(from recording: Recording, _ each: (Int, Fixture.Frame) -> Void) async {
        let environments = recording.header.environments.map(\.config)
        let sources = Dictionary(uniqueKeysWithValues: environments.map { ($0.name, ReplaySource()) })
        let poller = Poller(environments: environments, sources: sources, interval: 1, historyMinutes: recording.header.historyMinutes,
                            windowMinutes: recording.header.metricWindow, aggregator: recording.header.aggregator, monitoring: recording.header.monitoring,
                            // A recording made before the Parity view holds no settings calls: its settings are off, not failing.
                            parity: recording.header.parity ?? .off)
        let first = recording.cycles.first?.t ?? 0
        for (index, cycle) in recording.cycles.enumerated() {
            for name in cycle.polled { sources[name]?.load(cycle.exchanges.filter { $0.env == name }) }
            let snapshot = await poller.poll(now: recording.header.start.addingTimeInterval(cycle.t), only: Set(cycle.polled))
            each(index, Fixture.Frame(offset: cycle.t - first, snapshot: snapshot))
        }
    }
}
