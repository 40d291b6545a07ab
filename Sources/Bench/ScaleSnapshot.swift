import FoundationEssentials
import Telemetry
import AWSCore
import Recording
import Demo
import Panels

/// A synthetic snapshot at fleet scale: `accounts` accounts with `stacks` stacks each, `findings` Config findings,
/// and proportionate alarms, functions, tables and flows.
enum ScaleSnapshot {
    static func make(accounts: Int = 100, stacks: Int = 50, findings: Int = 10_000, now: Date = Date(timeIntervalSince1970: 1_795_183_200)) -> Snapshot {
        let statuses = ["CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE", "UPDATE_IN_PROGRESS"]
        let names = (0..<accounts).map { String(cFormat: "acct-%03ld", $0) }
        var snapshot = Snapshot(capturedAt: now, accounts: names.enumerated().map {
            AccountStatus(environment: $1, accountId: String(cFormat: "%012ld", 100_000_000_000 + $0), region: "us-east-1", health: $0 % 17 == 0 ? .stale : .ok, lastSuccess: now)
        })
        for (a, env) in names.enumerated() {
            for s in 0..<stacks {
                snapshot.stacks.append(StackSummary(environment: env, name: "platform-\(env)-stack-\(s)", status: statuses[(a + s) % statuses.count],
                                                    drift: (a * s) % 23 == 0 ? .drifted : .inSync, lastUpdated: now.addingTimeInterval(-Double(s * 3600))))
            }
            for f in 0..<3 {
                snapshot.lambdas.append(LambdaMetrics(environment: env, function: "\(env)-fn-\(f)", invocations: Double(100 * f + a), errors: Double(a % 7),
                                                      throttles: 0, durationP95Ms: 120, errorHistory: (0..<30).map { Double(($0 * a) % 9) }))
            }
            snapshot.tables.append(TableThroughput(environment: env, table: "orders", consumedRCU: 40, consumedWCU: 30, provisionedRCU: 100, provisionedWCU: 100,
                                                   readThrottles: 0, writeThrottles: 0, wcuHistory: (0..<30).map { Double($0) }))
            for n in 0..<5 {
                snapshot.alarms.append(AlarmSummary(environment: env, name: "\(env)-alarm-\(n)", state: n == 0 && a % 9 == 0 ? .alarm : .ok,
                                                    since: now.addingTimeInterval(-Double(n * 600)), reason: "Threshold Crossed", namespace: "AWS/Lambda", metric: "Errors"))
            }
            snapshot.flows.ports.append(.init(environment: env, port: 443, proto: "tcp", accepted: 1000 + a, rejected: a % 5, bytes: 1e9, rejectHistory: Array(repeating: 0, count: 10)))
        }
        snapshot.settings = settings(names)
        snapshot.parity = ParityReport.compare(snapshot.settings, alarms: snapshot.alarms, environments: environments(snapshot), config: .platformDefaults)
        for f in 0..<findings {
            snapshot.findings.append(ComplianceFinding(environment: names[f % accounts], rule: "rule-\(f % 40)", resourceType: "AWS::S3::Bucket",
                                                       resourceId: "bucket-\(f)", compliance: "NON_COMPLIANT", annotation: nil, recordedAt: now))
        }
        return snapshot
    }

    /// The accounts as the poller's environments.
    static func environments(_ snapshot: Snapshot) -> [EnvironmentConfig] {
        snapshot.accounts.map { EnvironmentConfig(name: $0.environment, accountId: $0.accountId, region: $0.region) }
    }

    /// What the settings section reads in each account: its 50 stacks' status and template, 3 functions, a table, a
    /// bucket and 30 parameters, every tenth account a little different.
    static func settings(_ names: [String]) -> [ResourceSettings] {
        typealias Setting = ResourceSettings.Setting
        var out: [ResourceSettings] = []
        for (a, env) in names.enumerated() {
            for s in 0..<50 {
                out.append(ResourceSettings(environment: env, kind: .stack, name: "platform-\(env)-stack-\(s)", settings: [
                    Setting("Status", "UPDATE_COMPLETE", call: "cloudformation:DescribeStacks"), Setting("Template", a % 10 == 0 && s == 0 ? "0f1e2d" : "9a8b7c", call: "cloudformation:GetTemplate"),
                ]))
            }
            for f in 0..<3 {
                out.append(ResourceSettings(environment: env, kind: .function, name: "\(env)-fn-\(f)", settings: [
                    Setting("Runtime", "python3.12", call: "lambda:GetFunctionConfiguration"), Setting("Memory", a % 10 == 0 ? "2048 MB" : "1024 MB", call: "lambda:GetFunctionConfiguration"),
                    Setting("Timeout", "300 s", call: "lambda:GetFunctionConfiguration"), Setting("Environment variables", "LOG_LEVEL, TABLE", call: "lambda:GetFunctionConfiguration"),
                ]))
            }
            out.append(ResourceSettings(environment: env, kind: .table, name: "orders", settings: [Setting("PITR", a == 0 ? "ENABLED" : "DISABLED", call: "dynamodb:DescribeContinuousBackups")]))
            out.append(ResourceSettings(environment: env, kind: .bucket, name: "opsdeck-\(env)-ingest", settings: [
                Setting("Versioning", "Enabled", call: "s3:GetBucketVersioning"), Setting("Policy denies", a % 10 == 3 ? "none" : "non-SSL requests", call: "s3:GetBucketPolicy"),
            ]))
            for p in 0..<(a % 10 == 5 ? 29 : 30) {
                out.append(ResourceSettings(environment: env, kind: .parameter, name: "/app/\(env)/config/p\(p)", settings: [
                    Setting("Type", "String", call: "ssm:GetParametersByPath"), Setting("Value", "sha256 \(p)", call: "ssm:GetParametersByPath"),
                ]))
            }
        }
        return out
    }
}
