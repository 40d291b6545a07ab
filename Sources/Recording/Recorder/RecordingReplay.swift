import Foundation
import AWSCore
import Telemetry

/// Turns a recording back into snapshots by running each cycle's exchanges through the same poller and parsers
/// that made them live.
public enum RecordingReplay {
    /// The timeline of snapshots the recording's cycles produce, one frame per cycle.
    public static func fixture(from recording: Recording) async -> Fixture {
        let environments = recording.header.environments.map(\.config)
        let sources = Dictionary(uniqueKeysWithValues: environments.map { ($0.name, ReplaySource()) })
        let poller = Poller(environments: environments, sources: sources, interval: 1, historyMinutes: recording.header.historyMinutes,
                            windowMinutes: recording.header.metricWindow, aggregator: recording.header.aggregator, monitoring: recording.header.monitoring)
        let first = recording.cycles.first?.t ?? 0
        var frames: [Fixture.Frame] = []
        for cycle in recording.cycles {
            for name in cycle.polled { sources[name]?.load(cycle.exchanges.filter { $0.env == name }) }
            let snapshot = await poller.poll(now: recording.header.start.addingTimeInterval(cycle.t), only: Set(cycle.polled))
            frames.append(Fixture.Frame(offset: cycle.t - first, snapshot: snapshot))
        }
        return Fixture(header: Fixture.Header(title: recording.header.title, start: recording.header.start.addingTimeInterval(first)), frames: frames,
                       environments: environments, details: recording.details)
    }
}
