import Foundation

extension DemoStory {
    /// VPC flow-log traffic: accepted service traffic, and the SSH scan's REJECTs on staging.
    func flows(_ t: Int) -> FlowTraffic {
        let sshRejects: (Int) -> Double = { t in self.noise.jitter(4 + 1900 * self.scan(t), 0.2, "ssh-rej", t).rounded() }
        let rdpRejects: (Int) -> Double = { t in self.noise.jitter(9, 0.6, "rdp-rej", t).rounded() }
        let none: (Int) -> Double = { t in self.noise.unit("https-rej", t) < 0.9 ? 0 : 1 }
        return FlowTraffic(
            ports: [
                .init(environment: "staging", port: 22, proto: "tcp", accepted: 6, rejected: Int(sshRejects(t)),
                      bytes: round1(3_100 + 260_000 * scan(t)), rejectHistory: history(t, sshRejects)),
                .init(environment: "prod", port: 443, proto: "tcp", accepted: Int(noise.jitter(48_000, 0.05, "https", t)), rejected: Int(none(t)),
                      bytes: round1(noise.jitter(2.1e9, 0.05, "https-b", t)), rejectHistory: history(t, none)),
                .init(environment: "staging", port: 443, proto: "tcp", accepted: Int(noise.jitter(9_500, 0.05, "s-https", t)), rejected: 0,
                      bytes: round1(noise.jitter(3.8e8 * (1 + intensity(t)), 0.05, "s-https-b", t)), rejectHistory: history(t) { _ in 0 }),
                .init(environment: "prod", port: 5432, proto: "tcp", accepted: Int(noise.jitter(1_800, 0.05, "pg", t)), rejected: 0,
                      bytes: round1(noise.jitter(6.4e8, 0.05, "pg-b", t)), rejectHistory: history(t) { _ in 0 }),
                .init(environment: "dev", port: 3389, proto: "tcp", accepted: 0, rejected: Int(rdpRejects(t)),
                      bytes: round1(rdpRejects(t) * 60), rejectHistory: history(t, rdpRejects)),
                .init(environment: "prod", port: 123, proto: "udp", accepted: Int(noise.jitter(300, 0.1, "ntp", t)), rejected: 0,
                      bytes: round1(noise.jitter(27_000, 0.1, "ntp-b", t)), rejectHistory: history(t) { _ in 0 }),
            ],
            talkers: [
                .init(environment: "prod", source: "10.30.12.40", destination: "10.30.40.11", port: 443, action: "ACCEPT",
                      bytes: round1(noise.jitter(9.2e8, 0.05, "t1", t)), flows: Int(noise.jitter(21_000, 0.05, "t1f", t))),
                .init(environment: "staging", source: "10.20.8.15", destination: "10.30.40.11", port: 443, action: "ACCEPT",
                      bytes: round1(noise.jitter(2.6e8 * (1 + intensity(t)), 0.05, "t2", t)), flows: Int(noise.jitter(6_400, 0.05, "t2f", t))),
                .init(environment: "prod", source: "10.30.12.40", destination: "10.30.50.7", port: 5432, action: "ACCEPT",
                      bytes: round1(noise.jitter(6.1e8, 0.05, "t3", t)), flows: Int(noise.jitter(1_700, 0.05, "t3f", t))),
                .init(environment: "staging", source: "203.0.113.45", destination: "10.20.0.12", port: 22, action: "REJECT",
                      bytes: round1(noise.jitter(2.4e5 * scan(t) + 900, 0.1, "t4", t)), flows: Int(sshRejects(t))),
                .init(environment: "dev", source: "198.51.100.23", destination: "10.10.0.5", port: 3389, action: "REJECT",
                      bytes: round1(rdpRejects(t) * 60), flows: Int(rdpRejects(t))),
            ],
            peerings: [
                PeeringLink(environment: "prod", id: "pcx-0a4f1c2e9b7d3e511", requester: "vpc-0c1d2e3f4a5b6c7d8 (287514036912 us-west-2)",
                            accepter: "vpc-09f8e7d6c5b4a3921 (398126457039 us-east-1)", status: "active", message: "Active"),
                PeeringLink(environment: "dev", id: "pcx-07b2d9e4c1a8f3602", requester: "vpc-0a9b8c7d6e5f4a3b2 (104729364815 eu-west-1)",
                            accepter: "vpc-09f8e7d6c5b4a3921 (398126457039 us-east-1)", status: "active", message: "Active"),
            ]
        )
    }

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
                  "Threshold Crossed: 1 datapoint [1874.0] was greater than the threshold (100.0)", "opsdeck/FlowLogs", "RejectedSSH"),
            alarm("prod", "prod-csv-processor-Errors", firing: nil, "", "AWS/Lambda", "Errors"),
            alarm("prod", "prod-orders-ReplicationLatency", firing: nil, "", "AWS/DynamoDB", "ReplicationLatency"),
            alarm("prod", "prod-api-5xx", firing: nil, "", "AWS/ApiGateway", "5XXError"),
        ]
        alarms.append(AlarmSummary(environment: "dev", name: "dev-csv-processor-Errors", state: .insufficientData, since: start.addingTimeInterval(-7_200),
                                   reason: "Insufficient Data: 1 datapoint was unknown", namespace: "AWS/Lambda", metric: "Errors"))
        return alarms
    }
}
