import FoundationEssentials
import AWSCore
import Telemetry
import Recording

/// Response bodies in each service's wire format (query XML, JSON 1.0/1.1), as AWS sends them.
enum DemoResponses {
    static func callerIdentity(_ environment: EnvironmentConfig) -> String {
        let arn = "arn:aws:sts::\(environment.accountId):assumed-role/OpsdeckReadOnly/opsdeck-\(environment.name)"
        return query("GetCallerIdentity", "<Arn>\(arn)</Arn><UserId>AROADEMO:opsdeck-\(environment.name)</UserId><Account>\(environment.accountId)</Account>")
    }

    static func describeStacks(_ stacks: [StackSummary]) -> String {
        let members = stacks.map { stack in
            let reason = stack.statusReason.map { "<StackStatusReason>\(xml($0))</StackStatusReason>" } ?? ""
            return "<member><StackName>\(xml(stack.name))</StackName><StackStatus>\(stack.status)</StackStatus>\(reason)"
                + "<CreationTime>\(time(stack.lastUpdated.addingTimeInterval(-86_400 * 90)))</CreationTime><LastUpdatedTime>\(time(stack.lastUpdated))</LastUpdatedTime>"
                + "<DriftInformation><StackDriftStatus>\(stack.drift.rawValue)</StackDriftStatus></DriftInformation></member>"
        }
        return query("DescribeStacks", "<Stacks>\(members.joined())</Stacks>", namespace: "cloudformation")
    }

    static func listStackSets(_ names: [String]) -> String {
        let members = Set(names).sorted().map { "<member><StackSetName>\(xml($0))</StackSetName><Status>ACTIVE</Status><PermissionModel>SERVICE_MANAGED</PermissionModel></member>" }
        return query("ListStackSets", "<Summaries>\(members.joined())</Summaries>", namespace: "cloudformation")
    }

    static func listStackInstances(_ rows: [StackSummary], environment: EnvironmentConfig) -> String {
        let members = rows.map { row in
            let reason = row.statusReason.map { "<StatusReason>\(xml($0))</StatusReason>" } ?? ""
            return "<member><StackSetId>\(xml(row.name)):1</StackSetId><Account>\(environment.accountId)</Account><Region>\(environment.region)</Region>"
                + "<Status>\(row.status)</Status>\(reason)<DriftStatus>\(row.drift.rawValue)</DriftStatus><LastDriftCheckTimestamp>\(time(row.lastUpdated))</LastDriftCheckTimestamp></member>"
        }
        return query("ListStackInstances", "<Summaries>\(members.joined())</Summaries>", namespace: "cloudformation")
    }

    static func metricData(_ call: APICall, series: (JSONValue) -> [(Double, Double)]) -> String {
        guard case .json(let body) = call.input else { return "{}" }
        let results: [JSONValue] = body["MetricDataQueries"]?.array.compactMap { query in
            guard let id = query["Id"]?.string else { return nil }
            let points = series(query)
            return ["Id": .string(id), "Label": .string(query["MetricStat"]?["Metric"]?["MetricName"]?.string ?? id), "StatusCode": "Complete",
                    "Timestamps": .array(points.map { .number($0.0) }), "Values": .array(points.map { .number($0.1) })]
        } ?? []
        return json(["MetricDataResults": .array(results), "Messages": []])
    }

    static func describeAlarms(_ alarms: [AlarmSummary]) -> String {
        json(["MetricAlarms": .array(alarms.map { alarm in
            ["AlarmName": .string(alarm.name), "StateValue": .string(alarm.state.rawValue), "StateReason": .string(alarm.reason),
             "StateUpdatedTimestamp": .number(alarm.since.timeIntervalSince1970), "Namespace": .string(alarm.namespace), "MetricName": .string(alarm.metric),
             "AlarmArn": .string("arn:aws:cloudwatch:alarm:\(alarm.name)"), "ActionsEnabled": true, "Threshold": alarm.threshold.map(JSONValue.number) ?? .null,
             "Dimensions": .array(alarm.resource.map { [["Name": .string(dimension(alarm.namespace)), "Value": .string($0)]] } ?? [])]
        }), "CompositeAlarms": []])
    }

    /// The dimension an alarm's metric is keyed by in `namespace`.
    static func dimension(_ namespace: String) -> String {
        ["AWS/Lambda": "FunctionName", "AWS/DynamoDB": "TableName", "AWS/S3": "SourceBucket", "AWS/ApiGateway": "ApiName"][namespace] ?? "Port"
    }

    static func complianceByRule(_ findings: [ComplianceFinding]) -> String {
        let counts = Dictionary(grouping: findings, by: \.rule)
        return json(["ComplianceByConfigRules": .array(counts.keys.sorted().map { rule in
            ["ConfigRuleName": .string(rule), "Compliance": ["ComplianceType": "NON_COMPLIANT",
                                                             "ComplianceContributorCount": ["CappedCount": .number(Double(counts[rule]!.count)), "CapExceeded": false]]]
        })])
    }

    static func complianceDetails(_ findings: [ComplianceFinding]) -> String {
        json(["EvaluationResults": .array(findings.map { finding in
            var result: [String: JSONValue] = [
                "EvaluationResultIdentifier": ["EvaluationResultQualifier": ["ConfigRuleName": .string(finding.rule), "ResourceType": .string(finding.resourceType),
                                                                             "ResourceId": .string(finding.resourceId)],
                                               "OrderingTimestamp": .number(finding.recordedAt.timeIntervalSince1970)],
                "ComplianceType": .string(finding.compliance), "ResultRecordedTime": .number(finding.recordedAt.timeIntervalSince1970),
                "ConfigRuleInvokedTime": .number(finding.recordedAt.timeIntervalSince1970 - 4),
            ]
            if let annotation = finding.annotation { result["Annotation"] = .string(annotation) }
            return .object(result)
        })])
    }

    static func peerings(_ links: [PeeringLink]) -> String {
        func side(_ text: String) -> String {
            let parts = text.replacing("(", with: "").replacing(")", with: "").split(separator: " ").map(String.init)
            return "<vpcId>\(parts[0])</vpcId><ownerId>\(parts.count > 1 ? parts[1] : "")</ownerId><region>\(parts.count > 2 ? parts[2] : "")</region>"
        }
        let items = links.map { link in
            "<item><vpcPeeringConnectionId>\(link.id)</vpcPeeringConnectionId><requesterVpcInfo>\(side(link.requester))</requesterVpcInfo>"
                + "<accepterVpcInfo>\(side(link.accepter))</accepterVpcInfo><status><code>\(link.status)</code><message>\(xml(link.message ?? ""))</message></status></item>"
        }
        return ec2("DescribeVpcPeeringConnections", "<vpcPeeringConnectionSet>\(items.joined())</vpcPeeringConnectionSet>")
    }

    static func flowLogs(_ environment: EnvironmentConfig) -> String {
        ec2("DescribeFlowLogs", "<flowLogSet><item><flowLogId>fl-0\(environment.accountId.prefix(8))</flowLogId><flowLogStatus>ACTIVE</flowLogStatus>"
            + "<resourceId>vpc-\(environment.accountId.suffix(8))</resourceId><trafficType>ALL</trafficType><logDestinationType>cloud-watch-logs</logDestinationType>"
            + "<logGroupName>/vpc/flow-logs/\(environment.name)</logGroupName></item></flowLogSet>")
    }

    static func logEvents(_ lines: [String], start: Int) -> String {
        json(["events": .array(lines.enumerated().map { index, line in
            let stamp = Double(line.split(separator: " ")[10]).map { $0 * 1000 } ?? Double(start * 1000)
            return ["logStreamName": "eni-all", "timestamp": .number(stamp), "message": .string(line), "eventId": .string(String(index))]
        }), "searchedLogStreams": []])
    }

    /// A query-protocol response wrapper.
    static func query(_ operation: String, _ result: String, namespace: String = "sts") -> String {
        let version = namespace == "sts" ? "2011-06-15" : "2010-05-15"
        return "<\(operation)Response xmlns=\"https://\(namespace).amazonaws.com/doc/\(version)/\"><\(operation)Result>\(result)</\(operation)Result>"
            + "<ResponseMetadata><RequestId>00000000-demo-0000-0000-000000000000</RequestId></ResponseMetadata></\(operation)Response>"
    }

    /// An EC2 response wrapper.
    static func ec2(_ operation: String, _ content: String) -> String {
        "<\(operation)Response xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>00000000-demo-0000-0000-000000000000</requestId>\(content)</\(operation)Response>"
    }

    static func json(_ value: JSONValue) -> String { String(decoding: value.encoded, as: UTF8.self) }

    static func time(_ date: Date) -> String { AWSDate.format(date) }

    static func xml(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }
}
