import AWSCore
/// What to watch in an environment: stacks, functions, tables, replication, log groups and Config rules.
public struct WatchList: Codable, Sendable, Equatable {
    /// An S3 replication rule, seen from its source bucket.
    public struct BucketReplication: Codable, Sendable, Equatable {
        public var bucket: String
        public var destinationBucket: String
        public var rule: String
        public var destination: String
        public var thresholdSeconds: Double

        public init(bucket: String, destinationBucket: String, rule: String, destination: String, thresholdSeconds: Double) {
            self.bucket = bucket
            self.destinationBucket = destinationBucket
            self.rule = rule
            self.destination = destination
            self.thresholdSeconds = thresholdSeconds
        }
    }

    /// A DynamoDB global-table replica that receives from this environment's region.
    public struct TableReplica: Codable, Sendable, Equatable {
        public var table: String
        public var receivingRegion: String
        public var thresholdSeconds: Double

        public init(table: String, receivingRegion: String, thresholdSeconds: Double) {
            self.table = table
            self.receivingRegion = receivingRegion
            self.thresholdSeconds = thresholdSeconds
        }
    }

    /// Stack name prefixes; empty watches every stack.
    public var stackPrefixes: [String] = []
    public var stackSets = true
    public var functions: [String] = []
    public var tables: [String] = []
    public var bucketReplication: [BucketReplication] = []
    public var tableReplicas: [TableReplica] = []
    /// Flow-log groups read in addition to those DescribeFlowLogs reports; `discoverFlowLogs` turns the discovery off.
    public var logGroups: [String] = []
    public var discoverFlowLogs = true
    /// Config rules to report; nil reports every rule, empty skips AWS Config.
    public var rules: [String]? = nil
    /// Only alarms whose names start with one of these; empty shows every alarm.
    public var alarmPrefixes: [String] = []
    /// Whether stacks' resources are discovered and added (`discover`); nil, as in recordings made before discovery, is off.
    public var discoverResources: Bool?

    /// S3 buckets and EC2 security groups whose settings the Parity and Posture views compare (optional: recordings
    /// made before them have neither); discovery adds those of the watched stacks.
    public var buckets: [String]?
    public var securityGroups: [String]?

    /// Discover by tags instead of by stacks: the functions, tables and buckets carrying all of these (`tags`).
    public var tags: [String: String]?

    /// Everything watched, found by discovery: what a config.toml environment starts from, and `--profile` without one.
    public static var discovering: WatchList {
        var watch = WatchList()
        watch.discoverResources = true
        return watch
    }

    /// Whether discovery runs for this watch list.
    public var discovers: Bool { discoverResources ?? false }
    /// The S3 replication latency, in seconds, a route may reach unless it names its own (`threshold_seconds`).
    public static let defaultBucketThreshold: Double = 900
    /// The same for a DynamoDB global-table replica.
    public static let defaultReplicaThreshold: Double = 5

    public init() {}

    /// Whether a stack name is watched.
    public func watches(stack name: String) -> Bool {
        stackPrefixes.isEmpty || stackPrefixes.contains { name.hasPrefix($0) }
    }

    /// Whether an alarm name is watched.
    public func watches(alarm name: String) -> Bool {
        alarmPrefixes.isEmpty || alarmPrefixes.contains { name.hasPrefix($0) }
    }
}
