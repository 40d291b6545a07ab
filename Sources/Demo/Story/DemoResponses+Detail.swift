import FoundationEssentials
import AWSCore
import Telemetry

/// The detail views' responses: Lambda configuration, DynamoDB table settings, one stack's parameters and events,
/// and one alarm's definition and history, in each service's wire format.
extension DemoResponses {
    static func functionConfiguration(_ name: String, _ settings: DemoStory.FunctionSettings, environment: EnvironmentConfig, modified: Date) -> String {
        var configuration: JSONValue = [
            "FunctionName": .string(name), "FunctionArn": .string("arn:aws:lambda:\(environment.region):\(environment.accountId):function:\(name)"),
            "Runtime": .string(settings.runtime), "Architectures": ["arm64"], "MemorySize": .number(Double(settings.memoryMB)),
            "Timeout": .number(Double(settings.timeoutSeconds)), "Handler": .string(settings.handler), "CodeSize": .number(Double(4_812_000 + name.count * 1000)),
            "LastModified": .string(AWSDate.format(modified).replacing("Z", with: ".000+0000")), "State": "Active", "PackageType": "Zip",
            // Values are the story's own placeholders; recordings keep only the names.
            "Environment": ["Variables": .object(Dictionary(uniqueKeysWithValues: settings.variables.map { ($0, JSONValue.string("demo-\($0.lowercased())")) }))],
        ]
        if case .object(var fields) = configuration, let key = settings.kmsKey {
            fields["KMSKeyArn"] = .string(key)
            configuration = .object(fields)
        }
        return json(configuration)
    }

    static func functionConcurrency(_ reserved: Int?) -> String {
        json(reserved.map { ["ReservedConcurrentExecutions": .number(Double($0))] } ?? [:])
    }

    static func eventSourceMappings(_ source: String?, function: String) -> String {
        json(["EventSourceMappings": .array(source.map { [["EventSourceArn": .string($0), "State": "Enabled", "FunctionArn": .string(function), "BatchSize": 10]] } ?? [])])
    }

    static func describeTable(_ description: JSONValue) -> String { json(["Table": description]) }

    static func continuousBackups(enabled: Bool) -> String {
        json(["ContinuousBackupsDescription": ["ContinuousBackupsStatus": "ENABLED",
                                               "PointInTimeRecoveryDescription": ["PointInTimeRecoveryStatus": .string(enabled ? "ENABLED" : "DISABLED")]]])
    }

    static func timeToLive(_ attribute: String?) -> String {
        json(["TimeToLiveDescription": attribute.map { ["TimeToLiveStatus": "ENABLED", "AttributeName": .string($0)] } ?? ["TimeToLiveStatus": "DISABLED"]])
    }

    static func describeStack(_ stack: StackSummary, environment: EnvironmentConfig) -> String {
        let parameters = [("Environment", environment.name), ("AccountId", environment.accountId), ("AlarmTopic", "arn:aws:sns:\(environment.region):\(environment.accountId):ops-alerts")]
        let outputs = [("StackRegion", environment.region), ("Owner", "platform-team")]
        let reason = stack.statusReason.map { "<StackStatusReason>\(xml($0))</StackStatusReason>" } ?? ""
        let member = "<member><StackName>\(xml(stack.name))</StackName><StackStatus>\(stack.status)</StackStatus>\(reason)"
            + "<Description>\(xml(stack.name)) for the \(environment.name) account</Description>"
            + "<Parameters>\(parameters.map { "<member><ParameterKey>\($0.0)</ParameterKey><ParameterValue>\(xml($0.1))</ParameterValue></member>" }.joined())</Parameters>"
            + "<Outputs>\(outputs.map { "<member><OutputKey>\($0.0)</OutputKey><OutputValue>\(xml($0.1))</OutputValue></member>" }.joined())</Outputs>"
            + "<CreationTime>\(time(stack.lastUpdated.addingTimeInterval(-86_400 * 90)))</CreationTime><LastUpdatedTime>\(time(stack.lastUpdated))</LastUpdatedTime>"
            + "<DriftInformation><StackDriftStatus>\(stack.drift.rawValue)</StackDriftStatus></DriftInformation></member>"
        return query("DescribeStacks", "<Stacks>\(member)</Stacks>", namespace: "cloudformation")
    }

    static func stackEvents(_ stack: StackSummary) -> String {
        let events = [("UPDATE_COMPLETE", stack.name, 0.0, nil as String?), ("UPDATE_COMPLETE", "ProcessorFunction", -40, nil), ("UPDATE_IN_PROGRESS", "ProcessorFunction", -95, nil),
                      ("UPDATE_IN_PROGRESS", stack.name, -120, stack.statusReason ?? "User Initiated")]
        let members = events.map { status, logical, offset, reason in
            "<member><StackName>\(xml(stack.name))</StackName><LogicalResourceId>\(xml(logical))</LogicalResourceId><ResourceStatus>\(status)</ResourceStatus>"
                + "<Timestamp>\(time(stack.lastUpdated.addingTimeInterval(offset)))</Timestamp>\(reason.map { "<ResourceStatusReason>\(xml($0))</ResourceStatusReason>" } ?? "")</member>"
        }
        return query("DescribeStackEvents", "<StackEvents>\(members.joined())</StackEvents>", namespace: "cloudformation")
    }

    static func stackResourceDrifts(_ stack: StackSummary) -> String {
        guard stack.drift == .drifted else { return query("DescribeStackResourceDrifts", "<StackResourceDrifts/>", namespace: "cloudformation") }
        let member = "<member><LogicalResourceId>ArchiveBucketPolicy</LogicalResourceId><PhysicalResourceId>opsdeck-prod-archive</PhysicalResourceId>"
            + "<ResourceType>AWS::S3::BucketPolicy</ResourceType><StackResourceDriftStatus>MODIFIED</StackResourceDriftStatus>"
            + "<PropertyDifferences><member><PropertyPath>/PolicyDocument/Statement/1</PropertyPath><DifferenceType>REMOVE</DifferenceType>"
            + "<ExpectedValue>{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}</ExpectedValue>"
            + "<ActualValue>null</ActualValue></member></PropertyDifferences></member>"
        return query("DescribeStackResourceDrifts", "<StackResourceDrifts>\(member)</StackResourceDrifts>", namespace: "cloudformation")
    }

    static func alarmDefinition(_ alarm: AlarmSummary, environment: EnvironmentConfig) -> String {
        let statistic = ["Errors", "WriteThrottleEvents", "RejectedSSH", "5XXError"].contains(alarm.metric) ? "Sum" : "Maximum"
        return json(["MetricAlarms": [[
            "AlarmName": .string(alarm.name), "StateValue": .string(alarm.state.rawValue), "StateReason": .string(alarm.reason),
            "StateUpdatedTimestamp": .number(alarm.since.timeIntervalSince1970), "Namespace": .string(alarm.namespace), "MetricName": .string(alarm.metric),
            "Dimensions": .array(alarm.resource.map { [["Name": .string(dimension(alarm.namespace)), "Value": .string($0)]] } ?? []),
            "Statistic": .string(statistic), "Period": 60, "EvaluationPeriods": 3, "DatapointsToAlarm": 2, "ComparisonOperator": "GreaterThanThreshold",
            "Threshold": .number(alarm.threshold ?? 0), "TreatMissingData": "notBreaching", "ActionsEnabled": true,
            "AlarmActions": [.string("arn:aws:sns:\(environment.region):\(environment.accountId):ops-alerts")], "OKActions": [],
        ]], "CompositeAlarms": []])
    }

    static func alarmHistory(_ name: String, _ changes: [(t: Date, from: String, to: String)]) -> String {
        json(["AlarmHistoryItems": .array(changes.map {
            ["AlarmName": .string(name), "Timestamp": .number($0.t.timeIntervalSince1970), "HistoryItemType": "StateUpdate",
             "HistorySummary": .string("Alarm updated from \($0.from) to \($0.to)")]
        })])
    }

    static func functionLogEvents(_ lines: [(time: Double, stream: String, message: String)], group: String) -> String {
        json(["events": .array(lines.enumerated().map { index, line in
            ["logStreamName": .string(line.stream), "timestamp": .number((line.time * 1000).rounded()), "message": .string(line.message),
             "ingestionTime": .number((line.time * 1000).rounded() + 800), "eventId": .string("\(Int((line.time * 1000).rounded()))\(String(cFormat: "%06ld", index))")]
        }), "searchedLogStreams": []])
    }

    /// A Logs Insights query id that carries its groups and range, so GetQueryResults needs no memory of StartQuery.
    static func queryId(_ call: APICall) -> String {
        guard case .json(let body) = call.input else { return "" }
        let carried: JSONValue = ["g": body["logGroupNames"] ?? [], "s": body["startTime"] ?? 0, "e": body["endTime"] ?? 0, "q": body["queryString"] ?? ""]
        return "demo-" + carried.encoded.base64EncodedString()
    }

    /// The groups and range a query id carries.
    static func query(id: String) -> (groups: [String], start: Double, end: Double, text: String)? {
        guard id.hasPrefix("demo-"), let data = Data(base64Encoded: String(id.dropFirst(5))), let value = try? JSONDecoder().decode(JSONValue.self, from: data) else { return nil }
        return (value["g"]?.array.compactMap(\.string) ?? [], value["s"]?.double ?? 0, value["e"]?.double ?? 0, value["q"]?.string ?? "")
    }

    /// Flow counts per bin and action as Logs Insights returns `stats count(*) as flows by bin(Ns) as t, action`.
    static func flowQueryResults(_ counts: [(t: Date, action: String, flows: Int)]) -> String {
        json(["status": "Complete", "results": .array(counts.map { count in
            [["field": "t", "value": .string(AWSDate.formatPrecise(count.t).replacing("T", with: " ").replacing("Z", with: ""))],
             ["field": "action", "value": .string(count.action)], ["field": "flows", "value": .string(String(count.flows))]]
        }), "statistics": ["bytesScanned": .number(Double(counts.reduce(0) { $0 + $1.flows }) * 110), "recordsMatched": .number(Double(counts.reduce(0) { $0 + $1.flows }))]])
    }

    static func queryResults(_ counts: [String: Double], bytes: Double) -> String {
        let rows = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10).map { error, count -> JSONValue in
            let cells: [JSONValue] = (error.isEmpty ? [] : [["field": "error", "value": .string(error)]]) + [["field": "count", "value": .string(String(Int(count)))]]
            return .array(cells)
        }
        return json(["status": "Complete", "results": .array(Array(rows)),
                     "statistics": ["bytesScanned": .number(bytes.rounded()), "recordsMatched": .number(counts.values.reduce(0, +)), "recordsScanned": .number((bytes / 420).rounded())]])
    }

    /// The stack's resources: a pipeline stack holds its environment's CSV processor and validator, a monitor stack its monitor.
    static func stackResources(_ stack: String, functions: [String]) -> String {
        let held = functions.filter { function in
            stack.hasSuffix("csv-pipeline") ? (function.hasSuffix("csv-processor") || function.hasSuffix("schema-validator")) : stack.hasSuffix("replication-monitor") && function.hasSuffix("replication-monitor")
        }
        let members = held.map {
            "<member><LogicalResourceId>\($0.split(separator: "-").dropFirst().map { $0.capitalized }.joined())</LogicalResourceId><PhysicalResourceId>\($0)</PhysicalResourceId>"
                + "<ResourceType>AWS::Lambda::Function</ResourceType><ResourceStatus>UPDATE_COMPLETE</ResourceStatus></member>"
        }
        return query("ListStackResources", "<StackResourceSummaries>\(members.joined())</StackResourceSummaries>", namespace: "cloudformation")
    }
}
