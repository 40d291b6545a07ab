import FoundationEssentials
import AWSCore
import Telemetry
import Recording

extension DemoStory {
    /// S3 replication rules and DynamoDB global-table replicas.
    func replication(_ t: Int) -> [ReplicationLag] {
        let s3Backlog: (Int) -> Double = { t in
            let built = max(0, Double(t - 120)) * 1.4 * min(1, self.intensity(t) + 0.3 * self.intensity(t - 600))
            let drained = max(0, Double(t - 1200)) * 3.6
            return self.noise.jitter(45 + max(0, min(2600, built) - drained), 0.08, "s3-ingest", t)
        }
        let ddbStaging: (Int) -> Double = { t in
            self.noise.jitter(0.8 + 14 * self.intensity(t) * (0.7 + 0.3 * self.noise.unit("ddb-wave", t / 90)), 0.1, "ddb-staging", t)
        }
        let ddbProd: (Int) -> Double = { t in self.noise.jitter(0.9, 0.15, "ddb-prod", t) }
        let s3Reports: (Int) -> Double = { t in self.noise.jitter(38, 0.2, "s3-reports", t) }
        return [
            ReplicationLag(kind: .s3, resource: "opsdeck-staging-ingest", source: "staging", destination: "prod",
                           latestSeconds: round1(s3Backlog(t)), thresholdSeconds: 900,
                           pendingOperations: (max(0, s3Backlog(t) - 45) * 7.5).rounded(), history: history(t, s3Backlog)),
            ReplicationLag(kind: .s3, resource: "opsdeck-prod-reports", source: "prod", destination: "dev",
                           latestSeconds: round1(s3Reports(t)), thresholdSeconds: 900, pendingOperations: 12,
                           history: history(t, s3Reports)),
            ReplicationLag(kind: .dynamodb, resource: "orders", source: "staging us-west-2", destination: "us-east-2",
                           latestSeconds: round1(ddbStaging(t)), thresholdSeconds: 5, history: history(t, ddbStaging)),
            ReplicationLag(kind: .dynamodb, resource: "orders", source: "prod us-east-1", destination: "us-west-2",
                           latestSeconds: round1(ddbProd(t)), thresholdSeconds: 5, history: history(t, ddbProd)),
        ]
    }

    /// One function's CloudWatch numbers for the minute starting at a time: sums of invocations, errors and
    /// throttles, and the p95 duration.
    struct LambdaMinute {
        var invocations: Double
        var errors: Double
        var throttles: Double
        var p95: Double
    }

    /// The functions of the CSV pipeline, validators, replication monitors and backups, each with its numbers for the
    /// minute starting at any time.
    func functions() -> [(environment: String, name: String, minute: (Int) -> LambdaMinute)] {
        func function(_ env: String, _ name: String, invocations: Double, errorRate: @escaping (Int) -> Double,
                      throttles: @escaping (Int) -> Double = { _ in 0 }, p95: @escaping (Int) -> Double) -> (environment: String, name: String, minute: (Int) -> LambdaMinute) {
            (env, name, { t in
                let calls = self.noise.jitter(invocations, 0.1, name, t)
                return LambdaMinute(invocations: calls.rounded(), errors: (calls * errorRate(t)).rounded(), throttles: throttles(t).rounded(),
                                    p95: self.noise.jitter(p95(t), 0.05, name + "-p95", t).rounded())
            })
        }
        return [
            function("staging", "staging-csv-processor", invocations: 1150, errorRate: { 0.004 + 0.38 * self.intensity($0) },
                     throttles: { self.intensity($0) > 0.7 ? 60 * self.intensity($0) : 0 }, p95: { 850 + 5600 * self.intensity($0) }),
            function("staging", "staging-schema-validator", invocations: 1140, errorRate: { 0.002 + 0.05 * self.intensity($0) }, p95: { 120 + 60 * self.intensity($0) }),
            function("staging", "staging-replication-monitor", invocations: 10, errorRate: { _ in 0 }, p95: { _ in 340 }),
            function("prod", "prod-csv-processor", invocations: 4200, errorRate: { _ in 0.002 }, p95: { _ in 910 }),
            function("prod", "prod-schema-validator", invocations: 4180, errorRate: { _ in 0.001 }, p95: { _ in 118 }),
            function("prod", "prod-replication-monitor", invocations: 10, errorRate: { _ in 0 }, p95: { _ in 360 }),
            function("prod", "prod-dynamodb-backup", invocations: 1, errorRate: { _ in 0 }, p95: { _ in 2400 }),
            function("dev", "dev-csv-processor", invocations: 36, errorRate: { _ in 0.03 }, p95: { _ in 780 }),
        ]
    }

    /// The Lambda rows a poll at `t` shows: sums over the `windowMinutes` whole minutes before `t`'s minute, the p95
    /// of the last of them, and one error count per minute of the history.
    func lambdas(_ t: Int) -> [LambdaMetrics] {
        let end = t - t % 60
        let window = stride(from: end - Self.windowMinutes * 60, to: end, by: 60).map { $0 }
        let history = stride(from: end - historyMinutes * 60, to: end, by: 60).map { $0 }
        return functions().map { env, name, minute in
            let minutes = window.map(minute)
            return LambdaMetrics(environment: env, function: name, invocations: minutes.reduce(0) { $0 + $1.invocations },
                                 errors: minutes.reduce(0) { $0 + $1.errors }, throttles: minutes.reduce(0) { $0 + $1.throttles },
                                 durationP95Ms: minute(end - 60).p95, errorHistory: history.map { minute($0).errors }, windowMinutes: Self.windowMinutes)
        }
    }

    /// DynamoDB tables' consumed capacity and throttling.
    func tables(_ t: Int) -> [TableThroughput] {
        let stagingWCU: (Int) -> Double = { t in self.noise.jitter(180 + 420 * self.intensity(t), 0.08, "staging-wcu", t) }
        let prodWCU: (Int) -> Double = { t in self.noise.jitter(1350, 0.1, "prod-wcu", t) }
        let quiet: (Int) -> Double = { t in self.noise.jitter(3, 0.5, "dev-wcu", t) }
        let over = max(0, stagingWCU(t) - 500)
        return [
            TableThroughput(environment: "staging", table: "orders", consumedRCU: noise.jitter(240, 0.1, "staging-rcu", t).rounded(),
                            consumedWCU: stagingWCU(t).rounded(), provisionedRCU: 400, provisionedWCU: 500,
                            readThrottles: 0, writeThrottles: (over * 2.2).rounded(), wcuHistory: history(t, stagingWCU)),
            TableThroughput(environment: "staging", table: "ingest-manifest", consumedRCU: noise.jitter(35, 0.2, "manifest-rcu", t).rounded(),
                            consumedWCU: noise.jitter(20 + 40 * intensity(t), 0.2, "manifest-wcu", t).rounded(), provisionedRCU: nil, provisionedWCU: nil,
                            readThrottles: 0, writeThrottles: 0, wcuHistory: history(t) { self.noise.jitter(20 + 40 * self.intensity($0), 0.2, "manifest-wcu", $0) }),
            TableThroughput(environment: "prod", table: "orders", consumedRCU: noise.jitter(2900, 0.1, "prod-rcu", t).rounded(),
                            consumedWCU: prodWCU(t).rounded(), provisionedRCU: nil, provisionedWCU: nil,
                            readThrottles: 0, writeThrottles: 0, wcuHistory: history(t, prodWCU)),
            TableThroughput(environment: "prod", table: "sessions", consumedRCU: noise.jitter(820, 0.1, "sessions-rcu", t).rounded(),
                            consumedWCU: noise.jitter(310, 0.1, "sessions-wcu", t).rounded(), provisionedRCU: nil, provisionedWCU: nil,
                            readThrottles: 0, writeThrottles: 0, wcuHistory: history(t) { self.noise.jitter(310, 0.1, "sessions-wcu", $0) }),
            TableThroughput(environment: "dev", table: "orders", consumedRCU: noise.jitter(4, 0.5, "dev-rcu", t).rounded(),
                            consumedWCU: quiet(t).rounded(), provisionedRCU: 25, provisionedWCU: 25,
                            readThrottles: 0, writeThrottles: 0, wcuHistory: history(t, quiet)),
        ]
    }
}
