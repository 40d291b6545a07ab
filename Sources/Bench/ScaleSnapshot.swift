import Foundation
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
        let names = (0..<accounts).map { String(format: "acct-%03d", $0) }
        var snapshot = Snapshot(capturedAt: now, accounts: names.enumerated().map {
            AccountStatus(environment: $1, accountId: String(format: "%012d", 100_000_000_000 + $0), region: "us-east-1", health: $0 % 17 == 0 ? .stale : .ok, lastSuccess: now)
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
        for f in 0..<findings {
            snapshot.findings.append(ComplianceFinding(environment: names[f % accounts], rule: "rule-\(f % 40)", resourceType: "AWS::S3::Bucket",
                                                       resourceId: "bucket-\(f)", compliance: "NON_COMPLIANT", annotation: nil, recordedAt: now))
        }
        return snapshot
    }
}
