import FoundationEssentials
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
            watch.buckets = story.buckets(environment: account.environment).map(\.name)
            watch.securityGroups = [DemoStory.securityGroupId(account.environment)]
            var environment = EnvironmentConfig(name: account.environment, accountId: account.accountId, region: account.region, watch: watch)
            environment.look = DemoPlatform.looks[account.environment] ?? EnvironmentLook()
            return environment
        }
    }

    /// Runs every detail view the demo offers (each resource of the last snapshot, each range) through the recording
    /// sources, each range reaching back to the story's start less the range, so a replay at any position finds its
    /// whole range recorded.
    static func recordDetails(story: DemoStory, environments: [EnvironmentConfig], sources: [String: any ExchangeSource], end: Date) async throws {
        let last = story.snapshot(at: story.duration)
        for environment in environments {
            guard let source = sources[environment.name] else { continue }
            let env = environment.name
            var resources = last.lambdas.filter { $0.environment == env }.map { ResourceRef(.function, $0.function, environment: env) }
            resources += last.tables.filter { $0.environment == env }.map { ResourceRef(.table, $0.table, environment: env) }
            resources += environment.watch.bucketReplication.map { ResourceRef(.bucket, $0.bucket, environment: env) }
            resources += last.alarms.filter { $0.environment == env }.map { ResourceRef(.alarm, $0.name, environment: env) }
            resources += last.stacks.filter { $0.environment == env && !$0.isStackSet }.map { ResourceRef(.stack, $0.name, environment: env) }
            resources += last.flows.ports.filter { $0.environment == env }.map { ResourceRef(.port, "\($0.port)/\($0.proto)", environment: env) }
            for resource in resources {
                let watching = last.alarms.filter(resource.isWatched)
                for range in DetailRange.allCases {
                    _ = await DetailFetcher(source: source, environment: environment, alarms: watching)
                        .fetch(resource, range: range, end: end, reach: Double(story.duration))
                }
            }
            // Each function's log tail from the start less the tail's backfill, and the top errors of each group a
            // tail in the demo reads (a function's, a stack's functions'), over the whole recording.
            let reader = LogReader(sources: [env: source])
            let origin = story.start.addingTimeInterval(-LogTail.backfill)
            var groupSets = last.lambdas.filter { $0.environment == env }.map { [LogTail.Source.lambda($0.function, environment: env)] }
            for stack in last.stacks where stack.environment == env && !stack.isStackSet {
                let functions = (try? await CloudFormationClient(source).resources(of: stack.name)) ?? []
                let groups = functions.filter { $0.type == "AWS::Lambda::Function" }.map { LogTail.Source.lambda($0.physicalId, environment: env) }
                if !groups.isEmpty { groupSets.append(groups) }
            }
            for source in Set(groupSets.flatMap { $0 }).sorted(by: { $0.group < $1.group }) {
                _ = await reader.read(LogRead(LogTail(sources: [source]), now: origin.addingTimeInterval(LogTail.backfill), end: nil))
            }
            for sources in groupSets {
                _ = await reader.topErrors(sources, start: origin, end: end)
            }
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
        header.parity = DemoPlatform.parity
        let recorder = try Recorder(url: url, header: header, gzip: gzip, now: { clock.date })
        let accounts = environments.map { DemoAWS(story: story, environment: $0) }
        var sources: [String: any ExchangeSource] = [:]
        for (environment, account) in zip(environments, accounts) { sources[environment.name] = RecordingSource(account, environment: environment, recorder: recorder) }
        let poller = Poller(environments: environments, sources: sources, interval: Double(story.step), historyMinutes: historyMinutes,
                            windowMinutes: DemoStory.windowMinutes, parity: DemoPlatform.parity)
        for t in stride(from: 0, through: story.duration, by: story.step) {
            clock.date = story.date(t)
            for account in accounts { account.advance(to: t) }
            _ = await poller.poll(now: clock.date, force: true)
            try recorder.endCycle(at: clock.date, polled: await poller.lastPolled)
        }
        try await recordDetails(story: story, environments: environments, sources: sources, end: clock.date)
        try recorder.endDetails(at: clock.date)
        try recorder.finish()
    }
}
