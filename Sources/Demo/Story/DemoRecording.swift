import Foundation
import AWSCore
import Telemetry
import Recording

/// Makes the embedded demo recording: a recorded session of the story's platform, through the same poller,
/// recording source and codec as a live `opsdeck record`.
public enum DemoRecording {
    public static let title = "staging CSV-ingest incident on the dev/staging/prod platform"

    /// The environments the demo watches, with the functions, tables and replication the story has.
    public static func environments(_ story: DemoStory = DemoStory()) -> [EnvironmentConfig] {
        let first = story.snapshot(at: 0)
        return DemoPlatform.all.map { account in
            var watch = WatchList()
            watch.functions = first.lambdas.filter { $0.environment == account.environment }.map(\.function)
            watch.tables = first.tables.filter { $0.environment == account.environment }.map(\.table)
            watch.bucketReplication = first.replication.filter { $0.kind == .s3 && $0.source == account.environment }.map {
                WatchList.BucketReplication(bucket: $0.resource, destinationBucket: "\($0.resource)-replica", rule: "to-\($0.destination)", destination: $0.destination, thresholdSeconds: $0.thresholdSeconds)
            }
            watch.tableReplicas = first.replication.filter { $0.kind == .dynamodb && $0.source.hasPrefix(account.environment + " ") }.map {
                WatchList.TableReplica(table: $0.resource, receivingRegion: $0.destination, thresholdSeconds: $0.thresholdSeconds)
            }
            return EnvironmentConfig(name: account.environment, accountId: account.accountId, region: account.region, watch: watch)
        }
    }

    /// Writes the recording to `url` (gzip when `gzip`).
    public static func generate(to url: URL, story: DemoStory = DemoStory(), gzip: Bool = true) async throws {
        final class Clock: @unchecked Sendable { var date = Date(timeIntervalSince1970: 0) }
        let clock = Clock()
        let environments = environments(story)
        let historyMinutes = story.historyMinutes
        var header = Recording.Header(title: title, start: story.start, historyMinutes: historyMinutes, environments: environments)
        header.windowMinutes = DemoStory.windowMinutes
        let recorder = try Recorder(url: url, header: header, gzip: gzip, now: { clock.date })
        let accounts = environments.map { DemoAWS(story: story, environment: $0) }
        var sources: [String: any ExchangeSource] = [:]
        for (environment, account) in zip(environments, accounts) { sources[environment.name] = RecordingSource(account, environment: environment, recorder: recorder) }
        let poller = Poller(environments: environments, sources: sources, interval: Double(story.step), historyMinutes: historyMinutes,
                            windowMinutes: DemoStory.windowMinutes)
        for t in stride(from: 0, through: story.duration, by: story.step) {
            clock.date = story.date(t)
            for account in accounts { account.advance(to: t) }
            _ = await poller.poll(now: clock.date, force: true)
            try recorder.endCycle(at: clock.date, polled: await poller.lastPolled)
        }
        try recorder.finish()
    }
}
