import FoundationEssentials
import AWSCore
import Telemetry

/// Turns a recording back into snapshots by running each cycle's exchanges through the same poller and parsers
/// that made them live.
public enum RecordingReplay {
    /// The timeline of snapshots the recording's cycles produce, one frame per cycle.
    public static func fixture(from recording: Recording) async -> Fixture {
        let player = CyclePlayer(recording.header)
        var frames: [Fixture.Frame] = []
        for cycle in recording.cycles { frames.append(await player.play(cycle)) }
        return fixture(of: recording.header, from: recording.cycles.first?.t ?? 0, frames: frames, details: recording.details)
    }

    /// The timeline of `frames` replayed from a recording with `header` whose first cycle is at `first` seconds.
    static func fixture(of header: Recording.Header, from first: Double, frames: [Fixture.Frame], details: [Exchange]) -> Fixture {
        Fixture(header: Fixture.Header(title: header.title, start: header.start.addingTimeInterval(first)), frames: frames,
                environments: header.environments.map(\.config), details: details)
    }
}

/// Runs a recording's cycles through the poller one at a time, in order, as a stream or a decoded recording yields them.
final class CyclePlayer {
    private let header: Recording.Header
    private let sources: [String: ReplaySource]
    private let poller: Poller
    private var first: Double?

    init(_ header: Recording.Header) {
        self.header = header
        let environments = header.environments.map(\.config)
        sources = Dictionary(uniqueKeysWithValues: environments.map { ($0.name, ReplaySource()) })
        poller = Poller(environments: environments, sources: sources, interval: 1, historyMinutes: header.historyMinutes,
                        windowMinutes: header.metricWindow, aggregator: header.aggregator, monitoring: header.monitoring,
                        // A recording made before the Parity view holds no settings calls: its settings are off, not failing.
                        parity: header.parity ?? .off)
    }

    /// The frame `cycle` makes, timed from the first cycle played.
    func play(_ cycle: Recording.Cycle) async -> Fixture.Frame {
        let first = self.first ?? cycle.t
        self.first = first
        for name in cycle.polled { sources[name]?.load(cycle.exchanges.filter { $0.env == name }) }
        let snapshot = await poller.poll(now: header.start.addingTimeInterval(cycle.t), only: Set(cycle.polled))
        return Fixture.Frame(offset: cycle.t - first, snapshot: snapshot)
    }
}
