import AWSCore
import FoundationEssentials

/// Resource discovery, so watch lists are optional: the resources of every watched stack (ListStackResources:
/// Lambda functions, DynamoDB tables, S3 buckets, security groups) or of the watch list's `tags` (GetResources), each table's
/// global-table replicas (DescribeTable) and each bucket's replication rules (GetBucketReplication). It runs before the other sections, at the first poll and then
/// every `DiscoveryMemory.interval`, and what it found is added to the environment's own watch list. Flow logs and
/// Config rules are found by their own sections (DescribeFlowLogs; every rule unless `rules` names some).
extension PollSection {
    static let discovery = PollSection(id: .discovery) { poller, now in
        try await poller.discoverIfDue(now: now)
        return Snapshot()
    }
}

extension EnvironmentPoller {
    /// Runs discovery when it is due and remembers what it found.
    fileprivate func discoverIfDue(now: Date) async throws {
        guard environment.watch.discovers, discovery.isDue(at: now) else { return }
        discovery.remember(try await discover(), at: now)
    }

    /// The resources of the environment's watched stacks (or those carrying its tags), with the replication they take part in.
    private func discover() async throws -> WatchList {
        let (functions, tables, buckets, groups) = if let tags = environment.watch.tags { try await tagged(tags) } else { try await inStacks() }
        var found = WatchList()
        found.functions = functions
        found.tables = tables
        found.buckets = buckets
        found.securityGroups = groups
        for table in found.tables {
            for region in try await DynamoDBClient(source).replicaRegions(of: table, region: environment.region) {
                found.tableReplicas.append(WatchList.TableReplica(table: table, receivingRegion: region, thresholdSeconds: WatchList.defaultReplicaThreshold))
            }
        }
        for bucket in buckets {
            for rule in try await S3Client(source).replication(of: bucket) {
                let destination = rule.destinationAccount.flatMap { accountNames[$0] } ?? rule.destinationAccount ?? rule.destinationBucket
                found.bucketReplication.append(WatchList.BucketReplication(bucket: bucket, destinationBucket: rule.destinationBucket, rule: rule.id,
                                                                           destination: destination, thresholdSeconds: WatchList.defaultBucketThreshold))
            }
        }
        return found
    }

    /// The functions, tables and buckets carrying all of `tags` (Resource Groups Tagging API GetResources).
    private func tagged(_ tags: [String: String]) async throws -> (functions: [String], tables: [String], buckets: [String], groups: [String]) {
        let resources = try await TaggingClient(source).resources(tagged: tags).compactMap(TaggingClient.resource)
        let named = { (kind: String) in Array(Set(resources.filter { $0.kind == kind }.map(\.name))).sorted() }
        return (named("function"), named("table"), named("bucket"), named("security-group"))
    }

    /// The functions, tables and buckets of the watched stacks (ListStackResources).
    private func inStacks() async throws -> (functions: [String], tables: [String], buckets: [String], groups: [String]) {
        let cloudFormation = CloudFormationClient(source)
        let watch = environment.watch
        let stacks = try await cloudFormation.stacks(environment: environment.name).filter(watch.watches)
        var resources: [CloudFormationClient.StackResource] = []
        // A few stacks at a time: ListStackResources has a low request rate.
        for start in stride(from: 0, to: stacks.count, by: 4) {
            resources += try await withThrowingTaskGroup(of: [CloudFormationClient.StackResource].self) { group in
                for stack in stacks[start..<min(stacks.count, start + 4)] { group.addTask { try await cloudFormation.resources(of: stack.name) } }
                return try await group.reduce(into: []) { $0 += $1 }
            }
        }
        let named = { (types: Set<String>) in Array(Set(resources.filter { types.contains($0.type) }.map(\.physicalId))).sorted() }
        return (named(["AWS::Lambda::Function", "AWS::Serverless::Function"]), named(["AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable"]), named(["AWS::S3::Bucket"]), named(["AWS::EC2::SecurityGroup"]))
    }
}

/// What discovery found in one environment and when, kept across polls (the poller's values are copied each poll).
final class DiscoveryMemory: @unchecked Sendable {
    /// How often discovery runs again.
    static let interval: Double = 600
    private let lock = Lock()
    private var found: WatchList?
    private var at: Date?
    private var forced = false

    /// Whether discovery should run at `now`: never run, forced, or older than the interval.
    func isDue(at now: Date) -> Bool {
        lock.withLock { forced || at.map { now.timeIntervalSince($0) >= Self.interval } ?? true }
    }

    /// Keeps what a discovery found.
    func remember(_ watch: WatchList, at now: Date) {
        lock.withLock { (found, at, forced) = (watch, now, false) }
    }

    /// Makes the next poll discover again (the refresh key).
    func force() { lock.withLock { forced = true } }

    /// `explicit` with what was discovered added: names it lacks, and replication it does not already list.
    func effective(_ explicit: WatchList) -> WatchList {
        guard let found = lock.withLock({ found }) else { return explicit }
        var watch = explicit
        watch.functions += found.functions.filter { !explicit.functions.contains($0) }
        watch.tables += found.tables.filter { !explicit.tables.contains($0) }
        for path in [\WatchList.buckets, \WatchList.securityGroups] {
            let known = explicit[keyPath: path] ?? []
            let added = (found[keyPath: path] ?? []).filter { !known.contains($0) }
            if !added.isEmpty { watch[keyPath: path] = known + added }
        }
        watch.tableReplicas += found.tableReplicas.filter { replica in
            !explicit.tableReplicas.contains { $0.table == replica.table && $0.receivingRegion == replica.receivingRegion }
        }
        watch.bucketReplication += found.bucketReplication.filter { rule in
            !explicit.bucketReplication.contains { $0.bucket == rule.bucket && $0.rule == rule.rule }
        }
        return watch
    }
}
