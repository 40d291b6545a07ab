import FoundationEssentials
import AWSCore
import Telemetry

/// What the demo platform's resources are configured with, for detail views: functions, tables, stacks and alarm
/// history.
extension DemoStory {
    /// A function's configuration as GetFunctionConfiguration, GetFunctionConcurrency and ListEventSourceMappings give it.
    struct FunctionSettings {
        var runtime: String
        var memoryMB: Int
        var timeoutSeconds: Int
        var handler: String
        var variables: [String]
        var reserved: Int?
        /// The queue or stream that invokes it, if one does (else a schedule or a direct call).
        var eventSource: String?
        /// The customer key its environment variables are encrypted with: prod's functions only, as the platform requires.
        var kmsKey: String?
    }

    /// The settings of `function` in `environment`; the CSV processors run on SQS, the rest on schedules.
    func functionSettings(_ function: String, environment: EnvironmentConfig) -> FunctionSettings {
        var settings = baseSettings(function, environment: environment)
        if environment.name == "prod", let account = DemoPlatform.all.first(where: { $0.environment == "prod" }) { settings.kmsKey = Self.keyArn(account, "lambda") }
        return settings
    }

    /// The settings every environment's copy of `function` shares, and the differences the story has.
    private func baseSettings(_ function: String, environment: EnvironmentConfig) -> FunctionSettings {
        let queue = "arn:aws:sqs:\(environment.region):\(environment.accountId):\(environment.name)-csv-ingest"
        switch function.dropFirst(environment.name.count + 1) {
        case "csv-processor":
            // Staging runs with half of prod's memory: one of the differences the incident shows.
            return FunctionSettings(runtime: "python3.12", memoryMB: environment.name == "prod" ? 2048 : 1024, timeoutSeconds: 300, handler: "ingest.handler",
                                    variables: ["LOG_LEVEL", "ORDERS_TABLE", "PARTNER_BUCKET", "SCHEMA_VERSION"], reserved: environment.name == "dev" ? nil : 50, eventSource: queue)
        case "schema-validator":
            return FunctionSettings(runtime: "python3.12", memoryMB: 512, timeoutSeconds: 60, handler: "validate.handler", variables: ["LOG_LEVEL", "SCHEMA_VERSION"], reserved: nil,
                                    eventSource: "arn:aws:dynamodb:\(environment.region):\(environment.accountId):table/orders/stream/2026-09-01T00:00:00.000")
        case "replication-monitor":
            return FunctionSettings(runtime: "nodejs20.x", memoryMB: 256, timeoutSeconds: 120, handler: "index.handler", variables: ["ALERT_TOPIC", "REPLICA_REGIONS"], reserved: 1, eventSource: nil)
        default:
            return FunctionSettings(runtime: "python3.12", memoryMB: 1024, timeoutSeconds: 900, handler: "backup.handler", variables: ["BACKUP_VAULT", "TABLES"], reserved: 1, eventSource: nil)
        }
    }

    /// The key schema, billing and replicas of a table as DescribeTable's TableDescription.
    func tableDescription(_ table: String, environment: EnvironmentConfig, at t: Int) -> JSONValue {
        let row = tables(t).first { $0.environment == environment.name && $0.table == table }
        let replicas = replication(t).filter { $0.kind == .dynamodb && $0.resource == table && $0.source.hasPrefix(environment.name + " ") }
        var description: [String: JSONValue] = [
            "TableName": .string(table), "TableStatus": "ACTIVE", "ItemCount": .number(table == "orders" ? 18_400_000 : 220_000),
            "KeySchema": table == "sessions" ? [["AttributeName": "sessionId", "KeyType": "HASH"]]
                : [["AttributeName": "pk", "KeyType": "HASH"], ["AttributeName": "sk", "KeyType": "RANGE"]],
            "TableClassSummary": ["TableClass": "STANDARD"],
            "StreamSpecification": table == "orders" ? ["StreamEnabled": true, "StreamViewType": "NEW_AND_OLD_IMAGES"] : ["StreamEnabled": false],
            "Replicas": .array(replicas.map { ["RegionName": .string($0.destination), "ReplicaStatus": "ACTIVE"] }),
        ]
        if table == "orders" { description["GlobalSecondaryIndexes"] = [["IndexName": "by-customer", "KeySchema": [["AttributeName": "customerId", "KeyType": "HASH"]]]] }
        if let read = row?.provisionedRCU, let write = row?.provisionedWCU {
            description["BillingModeSummary"] = ["BillingMode": "PROVISIONED"]
            description["ProvisionedThroughput"] = ["ReadCapacityUnits": .number(read), "WriteCapacityUnits": .number(write)]
        } else {
            description["BillingModeSummary"] = ["BillingMode": "PAY_PER_REQUEST"]
        }
        return .object(description)
    }

    /// Point-in-time recovery: on in prod only, as the platform requires.
    func pointInTimeRecovery(environment: String) -> Bool { environment == "prod" }

    /// The alarm's state changes up to `t`, newest first, found by stepping through the story from an hour before it.
    func alarmHistory(_ name: String, environment: String, upTo t: Int) -> [(t: Int, from: String, to: String)] {
        var changes: [(t: Int, from: String, to: String)] = []
        var last: String?
        for step in stride(from: -3600, through: t, by: self.step) {
            guard let state = alarms(step).first(where: { $0.environment == environment && $0.name == name })?.state.rawValue else { continue }
            if let last, last != state { changes.append((step, last, state)) }
            last = state
        }
        return changes.reversed()
    }
}
