import FoundationEssentials
import AWSCore

/// ~/.config/opsdeck/config.toml: environments, what to watch, and poll timing.
public struct OpsdeckConfig: Sendable, Equatable {
    public var environments: [EnvironmentConfig]
    /// Seconds between poll cycles.
    public var pollInterval: Double = 60
    /// Minutes of metric history fetched for sparklines.
    public var historyMinutes: Int = 30
    /// Minutes the Lambda numbers cover: counts summed, duration the window's statistic.
    public var metricWindowMinutes = MetricWindow.defaultMinutes
    /// Seconds an API request may take before it counts as timed out (then it is retried).
    public var requestTimeout: Double = 20
    /// Seconds a profile's credential_process may take before it is stopped.
    public var credentialProcessTimeout: Double = 60
    /// The largest response, in MB, a call may return.
    public var maxResponseMB = 64
    /// The least severe messages `--log` records (trace, debug, info, notice, warning, error, critical).
    public var logLevel = "info"
    /// The Config aggregator that answers for every account's compliance, if one is named.
    public var aggregator: AggregatorConfig?
    /// The environment of the CloudWatch monitoring account that reads every account's metrics (cross-account observability).
    public var monitoring: String?
    /// Organization-wide discovery of accounts, if asked for.
    public var discovery: DiscoveryConfig?
    /// The `[watch]` list environments without their own use (discovered accounts too).
    public var sharedWatch = WatchList()
    /// How the Parity view matches and compares resources, and the Posture view's thresholds (`[parity]`, `[posture]`).
    public var parity = ParityConfig.platformDefaults
    /// Whether the console may make calls that change AWS (each still confirmed), as --allow-actions does.
    public var allowActions = false

    public init(environments: [EnvironmentConfig], pollInterval: Double = 60, historyMinutes: Int = 30) {
        self.environments = environments
        self.pollInterval = pollInterval
        self.historyMinutes = historyMinutes
    }

    /// Reads and checks a config file.
    public static func load(from url: URL, defaultRegion: String? = nil) throws -> OpsdeckConfig {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ConfigError("\(url.path): cannot be read (create it, pass --config, or pass --profile NAME to watch that profile's account; see README \"Live mode\")")
        }
        do {
            return try parse(text, defaultRegion: defaultRegion)
        } catch let error as TOMLError {
            throw ConfigError("\(url.path) \(error)")
        } catch let error as ConfigError {
            let line = TOMLKeyLines.label(of: error.key, in: text)
            throw ConfigError("\(url.path)\(line): \(error)")
        }
    }

    /// Parses config TOML text; environments without a region take `defaultRegion` (AWS_REGION / AWS_DEFAULT_REGION).
    public static func parse(_ text: String, defaultRegion: String? = nil) throws -> OpsdeckConfig {
        let root = try TOMLDocument.parse(text)
        let known: Set<String> = ["poll_interval", "history_minutes", "metric_window_minutes", "request_timeout", "credential_process_timeout", "max_response_mb", "log_level", "allow_actions", "environments", "watch", "discovery", "aggregator", "monitoring", "parity", "posture"]
        if let unknown = root.keys.sorted().first(where: { !known.contains($0) }) { throw ConfigError("unknown setting '\(unknown)'", key: [unknown]) }
        var config = OpsdeckConfig(environments: [])
        /// The number at `key`, nil when absent; outside `range` or not a number, an error saying it must be `rule`.
        func number(_ key: String, _ range: ClosedRange<Double>, _ rule: String) throws -> Double? {
            guard let value = root[key] else { return nil }
            guard let number = value.number, range.contains(number) else { throw ConfigError("\(key) must be \(rule)", key: [key]) }
            return number
        }
        /// The whole number at `key`, likewise.
        func integer(_ key: String, _ range: ClosedRange<Int>, _ rule: String) throws -> Int? {
            guard let value = root[key] else { return nil }
            guard let number = value.integer, range.contains(number) else { throw ConfigError("\(key) must be \(rule)", key: [key]) }
            return number
        }
        config.pollInterval = try number("poll_interval", 10...86_400, "10 to 86400 seconds") ?? config.pollInterval
        config.historyMinutes = try integer("history_minutes", 5...1440, "5 to 1440") ?? config.historyMinutes
        config.metricWindowMinutes = try integer("metric_window_minutes", 1...60, "1 to 60") ?? config.metricWindowMinutes
        guard config.metricWindowMinutes <= config.historyMinutes else {
            throw ConfigError("metric_window_minutes (\(config.metricWindowMinutes)) must not exceed history_minutes (\(config.historyMinutes))", key: ["metric_window_minutes"])
        }
        config.requestTimeout = try number("request_timeout", 1...300, "1 to 300 seconds") ?? config.requestTimeout
        config.credentialProcessTimeout = try number("credential_process_timeout", 1...3600, "1 to 3600 seconds") ?? config.credentialProcessTimeout
        config.maxResponseMB = try integer("max_response_mb", 1...1024, "a whole number from 1 to 1024") ?? config.maxResponseMB
        if let level = root["log_level"] {
            guard let name = level.string, OpsdeckLog.levels.contains(name) else { throw ConfigError("log_level must be one of \(OpsdeckLog.levels.joined(separator: ", "))", key: ["log_level"]) }
            config.logLevel = name
        }
        if let allow = root["allow_actions"] {
            guard let flag = allow.boolean else { throw ConfigError("allow_actions must be true or false", key: ["allow_actions"]) }
            config.allowActions = flag
        }
        // Resources are discovered unless a watch list says discover = false.
        let shared = try root["watch"].map { try watchList($0, path: ["watch"], base: .discovering) } ?? .discovering
        config.sharedWatch = shared
        config.discovery = try root["discovery"].map { try discovery($0, defaultRegion: defaultRegion) }
        if let aggregator = root["aggregator"] {
            guard let table = aggregator.table, let name = table["name"]?.string, let environment = table["environment"]?.string, table.count == 2 else {
                throw ConfigError("aggregator needs exactly name = \"<aggregator name>\" and environment = \"<environment that holds it>\"", key: ["aggregator"])
            }
            config.aggregator = AggregatorConfig(name: name, environment: environment)
        }
        if let monitoring = root["monitoring"] {
            guard let table = monitoring.table, let name = table["environment"]?.string, table.count == 1 else {
                throw ConfigError("monitoring needs exactly environment = \"<environment of the monitoring account>\"", key: ["monitoring"])
            }
            config.monitoring = name
        }
        config.parity = try parity(root["parity"], posture: root["posture"])
        let environments = root["environments"]?.table ?? [:]
        guard !environments.isEmpty || config.discovery != nil else {
            throw ConfigError("no [environments.<name>] tables and no [discovery]: add at least one environment with account_id and region")
        }
        config.environments = try environments.keys.sorted(by: rankedBefore).map { name in
            try environment(name, environments[name]!, shared: shared, defaultRegion: defaultRegion)
        }
        if let aggregator = config.aggregator, config.discovery == nil, !config.environments.contains(where: { $0.name == aggregator.environment }) {
            throw ConfigError("aggregator.environment '\(aggregator.environment)' is not one of the [environments]", key: ["aggregator", "environment"])
        }
        if let monitoring = config.monitoring, config.discovery == nil, !config.environments.contains(where: { $0.name == monitoring }) {
            throw ConfigError("monitoring.environment '\(monitoring)' is not one of the [environments]", key: ["monitoring", "environment"])
        }
        return config
    }

    /// dev, staging and prod first, in that order; others alphabetically after.
    static func rankedBefore(_ a: String, _ b: String) -> Bool {
        let rank = ["dev": 0, "staging": 1, "prod": 2]
        return (rank[a] ?? 3, a) < (rank[b] ?? 3, b)
    }

    private static func discovery(_ value: TOMLValue, defaultRegion: String?) throws -> DiscoveryConfig {
        guard let table = value.table else { throw ConfigError("discovery must be a table", key: ["discovery"]) }
        let known: Set<String> = ["role_name", "region", "external_id", "profile", "endpoint_url"]
        if let unknown = table.keys.sorted().first(where: { !known.contains($0) }) { throw ConfigError("discovery: unknown setting '\(unknown)'", key: ["discovery", unknown]) }
        guard let role = table["role_name"]?.string, !role.isEmpty, !role.contains("/") else {
            throw ConfigError("discovery.role_name must name the role to assume in each account (e.g. \"OpsdeckReadOnly\")", key: ["discovery", "role_name"])
        }
        guard let region = table["region"]?.string ?? defaultRegion else { throw ConfigError("discovery.region is missing (and AWS_REGION is not set)", key: ["discovery"]) }
        guard EnvironmentConfig.isValidRegion(region) else { throw ConfigError("discovery.region '\(region.visible)' is not a region name (letters, digits and '-', like us-east-1)", key: ["discovery", "region"]) }
        return DiscoveryConfig(roleName: role, region: region, externalId: table["external_id"]?.string, profile: table["profile"]?.string, endpointURL: table["endpoint_url"]?.string)
    }

    private static func environment(_ name: String, _ value: TOMLValue, shared: WatchList, defaultRegion: String?) throws -> EnvironmentConfig {
        let path = ["environments", name]
        let key = path.joined(separator: ".")
        guard let table = value.table else { throw ConfigError("\(key) must be a table", key: path) }
        let known: Set<String> = ["account_id", "region", "role_arn", "external_id", "profile", "endpoint_url", "watch", "color", "banner"]
        if let unknown = table.keys.sorted().first(where: { !known.contains($0) }) { throw ConfigError("\(key): unknown setting '\(unknown)'", key: path + [unknown]) }
        func string(_ field: String) throws -> String? {
            guard let value = table[field] else { return nil }
            guard let text = value.string, !text.isEmpty else { throw ConfigError("\(key).\(field) must be a non-empty string", key: path + [field]) }
            return text
        }
        guard table["account_id"]?.integer == nil, let account = try string("account_id"), account.count == 12, account.allSatisfy(\.isNumber) else {
            throw ConfigError("\(key).account_id must be a 12-digit account id in quotes", key: path + ["account_id"])
        }
        guard EnvironmentConfig.isValidName(name) else {
            throw ConfigError("environment name '\(name.visible)' must be 1 to 40 letters, digits, '-', '_' or '.'", key: path)
        }
        guard let region = try string("region") ?? defaultRegion.flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw ConfigError("\(key).region is missing (and AWS_REGION is not set)", key: path)
        }
        guard EnvironmentConfig.isValidRegion(region) else {
            throw ConfigError("\(key).region '\(region.visible)' is not a region name (letters, digits and '-', like eu-west-1)", key: path + ["region"])
        }
        let role = try string("role_arn")
        if let role, !role.hasPrefix("arn:") || !role.contains(":role/") { throw ConfigError("\(key).role_arn '\(role)' is not a role ARN", key: path + ["role_arn"]) }
        var environment = EnvironmentConfig(
            name: name, accountId: account, region: region, roleArn: role, externalId: try string("external_id"),
            profile: try string("profile"), endpointURL: try string("endpoint_url"),
            watch: try table["watch"].map { try watchList($0, path: path + ["watch"], base: shared) } ?? shared)
        if let color = try string("color") {
            guard let known = EnvironmentLook.Color(rawValue: color) else {
                throw ConfigError("\(key).color '\(color.visible)' is not one of \(EnvironmentLook.Color.allCases.map(\.rawValue).joined(separator: ", "))", key: path + ["color"])
            }
            environment.look.color = known
        }
        if let banner = try string("banner") {
            guard banner.count <= EnvironmentLook.maxBanner, banner.visible == banner else {
                throw ConfigError("\(key).banner must be at most \(EnvironmentLook.maxBanner) printable characters", key: path + ["banner"])
            }
            environment.look.banner = banner
        }
        return environment
    }

    private static func watchList(_ value: TOMLValue, path: [String], base: WatchList = WatchList()) throws -> WatchList {
        let key = path.joined(separator: ".")
        guard let table = value.table else { throw ConfigError("\(key) must be a table", key: path) }
        var watch = base
        func strings(_ field: String) throws -> [String]? {
            guard let value = table[field] else { return nil }
            guard let items = value.array?.map(\.string), items.allSatisfy({ $0 != nil }) else { throw ConfigError("\(key).\(field) must be a list of strings", key: path + [field]) }
            return items.map { $0! }
        }
        func entries(_ field: String) throws -> [[String: TOMLValue]] {
            guard let value = table[field] else { return [] }
            guard let items = value.array?.map(\.table), items.allSatisfy({ $0 != nil }) else { throw ConfigError("\(key).\(field) must be a list of inline tables", key: path + [field]) }
            return items.map { $0! }
        }
        func text(_ entry: [String: TOMLValue], _ name: String, _ field: String) throws -> String {
            guard let value = entry[name]?.string, !value.isEmpty else { throw ConfigError("\(key).\(field): every entry needs \(name) = \"…\"", key: path + [field]) }
            return value
        }
        func number(_ entry: [String: TOMLValue], _ name: String, default fallback: Double) -> Double {
            entry[name]?.number ?? fallback
        }
        let known: Set<String> = ["stack_prefixes", "stack_sets", "functions", "tables", "bucket_replication", "table_replicas", "log_groups", "discover_flow_logs", "rules", "alarm_prefixes", "discover", "tags", "buckets", "security_groups"]
        if let unknown = table.keys.sorted().first(where: { !known.contains($0) }) { throw ConfigError("\(key): unknown setting '\(unknown)'", key: path + [unknown]) }
        if let value = try strings("stack_prefixes") { watch.stackPrefixes = value }
        if let value = table["stack_sets"] { guard let flag = value.boolean else { throw ConfigError("\(key).stack_sets must be true or false", key: path + ["stack_sets"]) }; watch.stackSets = flag }
        if let value = try strings("functions") { watch.functions = value }
        if let value = try strings("tables") { watch.tables = value }
        if let value = try strings("buckets") { watch.buckets = value }
        if let value = try strings("security_groups") { watch.securityGroups = value }
        if table["bucket_replication"] != nil {
            watch.bucketReplication = try entries("bucket_replication").map {
                WatchList.BucketReplication(
                    bucket: try text($0, "bucket", "bucket_replication"), destinationBucket: try text($0, "destination_bucket", "bucket_replication"),
                    rule: try text($0, "rule", "bucket_replication"), destination: $0["destination"]?.string ?? "", thresholdSeconds: number($0, "threshold_seconds", default: WatchList.defaultBucketThreshold))
            }
        }
        if table["table_replicas"] != nil {
            watch.tableReplicas = try entries("table_replicas").map {
                WatchList.TableReplica(table: try text($0, "table", "table_replicas"), receivingRegion: try text($0, "receiving_region", "table_replicas"), thresholdSeconds: number($0, "threshold_seconds", default: WatchList.defaultReplicaThreshold))
            }
        }
        if let value = try strings("log_groups") { watch.logGroups = value }
        if let value = table["discover_flow_logs"] { guard let flag = value.boolean else { throw ConfigError("\(key).discover_flow_logs must be true or false", key: path + ["discover_flow_logs"]) }; watch.discoverFlowLogs = flag }
        if let value = table["rules"] {
            if value.string == "all" { watch.rules = nil } else { watch.rules = try strings("rules") }
        }
        if let value = try strings("alarm_prefixes") { watch.alarmPrefixes = value }
        if let value = table["tags"] {
            guard let tags = value.table, !tags.isEmpty, tags.values.allSatisfy({ $0.string != nil }) else {
                throw ConfigError("\(key).tags must be an inline table of strings, e.g. { Environment = \"prod\" }", key: path + ["tags"])
            }
            watch.tags = tags.mapValues { $0.string! }
        }
        if let value = table["discover"] { guard let flag = value.boolean else { throw ConfigError("\(key).discover must be true or false", key: path + ["discover"]) }; watch.discoverResources = flag }
        return watch
    }
}
