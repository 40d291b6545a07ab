import FoundationEssentials
import AWSCore
import Telemetry
import Recording

extension DemoStory {
    /// AWS Config evaluations across the accounts.
    func findings(_ t: Int) -> [ComplianceFinding] {
        let recorded = start.addingTimeInterval(-5_400)
        return [
            ComplianceFinding(environment: "prod", rule: "s3-bucket-ssl-requests-only", resourceType: "AWS::S3::Bucket",
                              resourceId: "opsdeck-prod-archive", compliance: "NON_COMPLIANT",
                              annotation: "Bucket policy does not deny requests where aws:SecureTransport is false", recordedAt: recorded),
            ComplianceFinding(environment: "prod", rule: "cloudformation-stack-drift-detection-check", resourceType: "AWS::CloudFormation::Stack",
                              resourceId: "prod-data-buckets", compliance: "NON_COMPLIANT",
                              annotation: "Stack drift status is DRIFTED", recordedAt: recorded.addingTimeInterval(600)),
            ComplianceFinding(environment: "dev", rule: "s3-bucket-versioning-enabled", resourceType: "AWS::S3::Bucket",
                              resourceId: "opsdeck-dev-scratch", compliance: "NON_COMPLIANT", annotation: "Versioning is suspended", recordedAt: recorded),
            ComplianceFinding(environment: "staging", rule: "lambda-function-settings-check", resourceType: "AWS::Lambda::Function",
                              resourceId: "staging-csv-processor", compliance: t >= 1230 ? "COMPLIANT" : "NON_COMPLIANT",
                              annotation: t >= 1230 ? nil : "Timeout 900s exceeds the allowed maximum of 300s",
                              recordedAt: t >= 1230 ? date(1290) : recorded),
            ComplianceFinding(environment: "staging", rule: "restricted-ssh", resourceType: "AWS::EC2::SecurityGroup",
                              resourceId: "sg-0b7d2f4a61c9e3851", compliance: "COMPLIANT", recordedAt: recorded),
            ComplianceFinding(environment: "prod", rule: "dynamodb-pitr-enabled", resourceType: "AWS::DynamoDB::Table",
                              resourceId: "orders", compliance: "COMPLIANT", recordedAt: recorded),
            ComplianceFinding(environment: "staging", rule: "vpc-flow-logs-enabled", resourceType: "AWS::EC2::VPC",
                              resourceId: "vpc-0a41c2e9d7b35f068", compliance: "COMPLIANT", recordedAt: recorded),
            ComplianceFinding(environment: "dev", rule: "s3-bucket-ssl-requests-only", resourceType: "AWS::S3::Bucket",
                              resourceId: "opsdeck-dev-scratch", compliance: "COMPLIANT", recordedAt: recorded),
        ]
    }

    /// CloudWatch alarms, each switching state when the story crosses its threshold.
    /// Each demo alarm's threshold, by the namespace and metric it watches.
    static let alarmThresholds: [String: Double] = [
        "AWS/Lambda Errors": 10, "AWS/S3 ReplicationLatency": 900, "AWS/DynamoDB ReplicationLatency": 5000, "AWS/DynamoDB WriteThrottleEvents": 0,
        "opsdeck/FlowLogs RejectedSSH": 100, "AWS/ApiGateway 5XXError": 5,
    ]

    func alarms(_ t: Int) -> [AlarmSummary] {
        func alarm(_ env: String, _ name: String, firing: Range<Int>?, _ reason: String, _ namespace: String, _ metric: String) -> AlarmSummary {
            let since: Int
            let state: AlarmSummary.State
            if let firing, firing.contains(t) {
                (state, since) = (.alarm, firing.lowerBound)
            } else if let firing, t >= firing.upperBound {
                (state, since) = (.ok, firing.upperBound)
            } else {
                (state, since) = (.ok, -3 * 86_400)
            }
            let text = state == .alarm ? reason : "Threshold Crossed: datapoint was not greater than the threshold"
            return AlarmSummary(environment: env, name: name, state: state, since: date(since), reason: text, namespace: namespace, metric: metric)
        }
        var alarms = [
            alarm("staging", "staging-csv-processor-Errors", firing: 150..<1290,
                  "Threshold Crossed: 1 out of the last 1 datapoints [182.0] was greater than the threshold (10.0)", "AWS/Lambda", "Errors"),
            alarm("staging", "staging-ingest-ReplicationLatency", firing: 780..<1650,
                  "Threshold Crossed: 2 datapoints [1040.0, 968.0] were greater than the threshold (900.0)", "AWS/S3", "ReplicationLatency"),
            alarm("staging", "staging-orders-ReplicationLatency", firing: 270..<1380,
                  "Threshold Crossed: 3 datapoints were greater than the threshold (5000.0 ms)", "AWS/DynamoDB", "ReplicationLatency"),
            alarm("staging", "staging-orders-WriteThrottleEvents", firing: 330..<1260,
                  "Threshold Crossed: 1 datapoint [214.0] was greater than the threshold (0.0)", "AWS/DynamoDB", "WriteThrottleEvents"),
            alarm("staging", "staging-bastion-ssh-rejects", firing: 300..<1350,
                  "Threshold Crossed: 1 datapoint [184.0] was greater than the threshold (100.0)", "opsdeck/FlowLogs", "RejectedSSH"),
            alarm("prod", "prod-csv-processor-Errors", firing: nil, "", "AWS/Lambda", "Errors"),
            alarm("prod", "prod-orders-ReplicationLatency", firing: nil, "", "AWS/DynamoDB", "ReplicationLatency"),
            alarm("prod", "prod-api-5xx", firing: nil, "", "AWS/ApiGateway", "5XXError"),
        ]
        alarms.append(AlarmSummary(environment: "dev", name: "dev-csv-processor-Errors", state: .insufficientData, since: start.addingTimeInterval(-7_200),
                                   reason: "Insufficient Data: 1 datapoint was unknown", namespace: "AWS/Lambda", metric: "Errors"))
        let resources = [
            "staging-csv-processor-Errors": "staging-csv-processor", "staging-ingest-ReplicationLatency": "opsdeck-staging-ingest",
            "staging-orders-ReplicationLatency": "orders", "staging-orders-WriteThrottleEvents": "orders", "staging-bastion-ssh-rejects": "22",
            "prod-csv-processor-Errors": "prod-csv-processor", "prod-orders-ReplicationLatency": "orders", "prod-api-5xx": "opsdeck-api",
            "dev-csv-processor-Errors": "dev-csv-processor",
        ]
        return alarms.map { alarm in
            var alarm = alarm
            alarm.resource = resources[alarm.name]
            alarm.threshold = Self.alarmThresholds["\(alarm.namespace) \(alarm.metric)"]
            return alarm
        }
    }
}
