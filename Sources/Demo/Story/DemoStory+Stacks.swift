import FoundationEssentials
import AWSCore
import Telemetry
import Recording

extension DemoStory {
    /// CloudFormation stacks and StackSet instances in all three accounts.
    func stacks(_ t: Int) -> [StackSummary] {
        let day: TimeInterval = 86_400
        func stack(_ env: String, _ name: String, _ status: String, _ drift: StackSummary.DriftStatus, _ age: TimeInterval, stackSet: Bool = false, reason: String? = nil) -> StackSummary {
            StackSummary(environment: env, name: name, status: status, drift: drift, lastUpdated: start.addingTimeInterval(-age), isStackSet: stackSet, statusReason: reason)
        }
        let pipelineStatus: StackSummary = switch t {
        case ..<1140: stack("staging", "staging-csv-pipeline", "UPDATE_COMPLETE", .inSync, 3 * day)
        case ..<1230: stack("staging", "staging-csv-pipeline", "UPDATE_IN_PROGRESS", .notChecked, -1140,
                            reason: "User Initiated: hotfix CSV header validation")
        default: stack("staging", "staging-csv-pipeline", "UPDATE_COMPLETE", .notChecked, -1230)
        }
        return [
            stack("dev", "dev-network-baseline", "UPDATE_COMPLETE", .inSync, 21 * day),
            stack("dev", "dev-data-buckets", "CREATE_COMPLETE", .inSync, 40 * day),
            stack("dev", "dev-csv-pipeline", "UPDATE_ROLLBACK_COMPLETE", .inSync, 0.4 * day,
                  reason: "Resource handler returned message: Layer version arn:aws:lambda:eu-west-1:104729364815:layer:csv-deps:12 does not exist"),
            stack("dev", "dev-orders-table", "CREATE_COMPLETE", .inSync, 40 * day),
            stack("staging", "staging-network-baseline", "UPDATE_COMPLETE", .inSync, 21 * day),
            stack("staging", "staging-data-buckets", "UPDATE_COMPLETE", .inSync, 9 * day),
            pipelineStatus,
            stack("staging", "staging-orders-table", "UPDATE_COMPLETE", .inSync, 12 * day),
            stack("staging", "staging-replication-monitor", "CREATE_COMPLETE", .inSync, 30 * day),
            stack("prod", "prod-network-baseline", "UPDATE_COMPLETE", .inSync, 21 * day),
            stack("prod", "prod-data-buckets", "UPDATE_COMPLETE", .drifted, 16 * day,
                  reason: "BucketPolicy opsdeck-prod-archive modified outside CloudFormation"),
            stack("prod", "prod-csv-pipeline", "UPDATE_COMPLETE", .inSync, 6 * day),
            stack("prod", "prod-orders-table", "UPDATE_COMPLETE", .inSync, 12 * day),
            stack("prod", "prod-replication-monitor", "CREATE_COMPLETE", .inSync, 30 * day),
            stack("dev", "StackSet-org-guardrails", "CURRENT", .inSync, 5 * day, stackSet: true),
            stack("staging", "StackSet-org-guardrails", "CURRENT", .inSync, 5 * day, stackSet: true),
            stack("prod", "StackSet-org-guardrails", "CURRENT", .inSync, 5 * day, stackSet: true),
            stack("prod", "StackSet-config-rules", "OUTDATED", .drifted, 2 * day, stackSet: true,
                  reason: "Stack instance drifted: ConfigRule s3-bucket-ssl-requests-only parameters changed"),
        ]
    }
}
