import FoundationEssentials
import AWSCore
import Telemetry
import Recording

/// A stand-in for the AWS APIs of one demo account: answers each call with the responses real AWS would give for
/// the platform as the story has it at the current time, in the services' own wire formats.
final class DemoAWS: ExchangeSource, @unchecked Sendable {
    let story: DemoStory
    let environment: EnvironmentConfig
    private let lock = Lock()
    private var t = 0
    private var cached: (t: Int, snapshot: Snapshot)?

    init(story: DemoStory, environment: EnvironmentConfig) {
        self.story = story
        self.environment = environment
    }

    /// Moves the account to `t` seconds into the story.
    func advance(to t: Int) { lock.withLock { self.t = t } }

    /// The story's snapshot now, and the time.
    private var state: (t: Int, snapshot: Snapshot) {
        lock.withLock {
            if let cached, cached.t == t { return cached }
            let fresh = (t, story.snapshot(at: t))
            cached = fresh
            return fresh
        }
    }

    func perform(_ call: APICall) async throws -> Data {
        let (t, snapshot) = state
        let env = environment.name
        let body: String
        switch (call.service, call.operation) {
        case (.sts, "GetCallerIdentity"):
            body = DemoResponses.callerIdentity(environment)
        case (.cloudFormation, "DescribeStacks"):
            let stacks = snapshot.stacks.filter { $0.environment == env && !$0.isStackSet }
            guard let name = call.parameter("StackName") else {
                body = DemoResponses.describeStacks(stacks)
                break
            }
            body = DemoResponses.describeStack(try stack(name, stacks, call), environment: environment)
        case (.cloudFormation, "DescribeStackEvents"):
            body = DemoResponses.stackEvents(try stack(call.parameter("StackName") ?? "", snapshot.stacks.filter { $0.environment == env && !$0.isStackSet }, call))
        case (.cloudFormation, "DescribeStackResourceDrifts"):
            body = DemoResponses.stackResourceDrifts(try stack(call.parameter("StackName") ?? "", snapshot.stacks.filter { $0.environment == env && !$0.isStackSet }, call))
        case (.lambda, let operation):
            let name = call.pathComponent(3).flatMap { $0.isEmpty ? nil : $0 } ?? call.queryValue("FunctionName") ?? ""
            guard story.functions().contains(where: { $0.environment == env && $0.name == name }) else {
                throw AWSError(service: "lambda", operation: operation, status: 404, code: "ResourceNotFoundException", message: "Function not found: \(name)")
            }
            let settings = story.functionSettings(name, environment: environment)
            switch operation {
            case "GetFunctionConfiguration": body = DemoResponses.functionConfiguration(name, settings, environment: environment, modified: story.date(-6 * 86_400))
            case "GetFunctionConcurrency": body = DemoResponses.functionConcurrency(settings.reserved)
            default: body = DemoResponses.eventSourceMappings(settings.eventSource, function: name)
            }
        case (.dynamoDB, let operation):
            let name = call.jsonString("TableName") ?? ""
            guard snapshot.tables.contains(where: { $0.environment == env && $0.table == name }) else {
                throw AWSError(service: "dynamodb", operation: operation, status: 400, code: "ResourceNotFoundException", message: "Requested resource not found: Table: \(name) not found")
            }
            switch operation {
            case "DescribeTable": body = DemoResponses.describeTable(story.tableDescription(name, environment: environment, at: t))
            case "DescribeContinuousBackups": body = DemoResponses.continuousBackups(enabled: story.pointInTimeRecovery(environment: env))
            default: body = DemoResponses.timeToLive(name == "sessions" ? "expiresAt" : nil)
            }
        case (.cloudWatch, "DescribeAlarmHistory"):
            let name = call.jsonString("AlarmName") ?? ""
            body = DemoResponses.alarmHistory(name, story.alarmHistory(name, environment: env, upTo: t).map { (story.date($0.t), $0.from, $0.to) })
        case (.cloudFormation, "ListStackSets"):
            body = DemoResponses.listStackSets(snapshot.stacks.filter { $0.environment == env && $0.isStackSet }.map(\.name))
        case (.cloudFormation, "ListStackInstances"):
            let name = call.parameter("StackSetName")
            body = DemoResponses.listStackInstances(snapshot.stacks.filter { $0.environment == env && $0.isStackSet && $0.name == name }, environment: environment)
        case (.cloudWatch, "GetMetricData"):
            let range = call.metricRange(from: story.start)
            body = DemoResponses.metricData(call, series: { DemoMetrics(story: self.story, snapshot: snapshot, environment: self.environment, t: t, range: range).series($0) })
        case (.cloudWatch, "DescribeAlarms"):
            if case .json(let input) = call.input, let names = input["AlarmNames"]?.array.compactMap(\.string), !names.isEmpty {
                body = snapshot.alarms.first { $0.environment == env && names.contains($0.name) }.map { DemoResponses.alarmDefinition($0, environment: environment) }
                    ?? DemoResponses.json(["MetricAlarms": [], "CompositeAlarms": []])
            } else {
                body = DemoResponses.describeAlarms(snapshot.alarms.filter { $0.environment == env })
            }
        case (.config, "DescribeComplianceByConfigRule"):
            body = DemoResponses.complianceByRule(snapshot.findings.filter { $0.environment == env && $0.compliance == "NON_COMPLIANT" })
        case (.config, "GetComplianceDetailsByConfigRule"):
            let rule = call.jsonString("ConfigRuleName")
            body = DemoResponses.complianceDetails(snapshot.findings.filter { $0.environment == env && $0.compliance == "NON_COMPLIANT" && $0.rule == rule })
        case (.ec2, "DescribeVpcPeeringConnections"):
            body = DemoResponses.peerings(snapshot.flows.peerings.filter { $0.environment == env })
        case (.ec2, "DescribeFlowLogs"):
            body = DemoResponses.flowLogs(environment)
        case (.logs, "FilterLogEvents") where call.jsonString("logGroupName")?.hasPrefix("/aws/lambda/") == true:
            let function = String(call.jsonString("logGroupName")!.dropFirst("/aws/lambda/".count))
            let from = call.jsonNumber("startTime").map { Int(($0 / 1000 - story.start.timeIntervalSince1970).rounded(.down)) } ?? t - 900
            let to = call.jsonNumber("endTime").map { Int(($0 / 1000 - story.start.timeIntervalSince1970).rounded(.up)) } ?? t
            body = DemoResponses.functionLogEvents(story.logLines(function, environment: env, from: from, to: min(to, t)).map { (story.start.timeIntervalSince1970 + $0.t, $0.stream, $0.message) },
                                                   group: call.jsonString("logGroupName")!)
        case (.logs, "FilterLogEvents"):
            body = DemoResponses.logEvents(story.flowRecords(t)[env] ?? [], start: Int(story.date(t).timeIntervalSince1970) - DemoStory.flowWindow)
        case (.logs, "StartQuery"):
            body = DemoResponses.json(["queryId": .string(DemoResponses.queryId(call))])
        case (.logs, "GetQueryResults"):
            guard let query = DemoResponses.query(id: call.jsonString("queryId") ?? "") else {
                throw AWSError(service: "logs", operation: "GetQueryResults", status: 400, code: "ResourceNotFoundException", message: "query not found")
            }
            let origin = story.start.timeIntervalSince1970
            if query.groups.allSatisfy({ $0.hasPrefix("/vpc/flow-logs/") }),
               let match = query.text.firstMatch(of: /dstPort = (\d+) and protocol = (\d+)[\s\S]*bin\((\d+)s\)/),
               let port = Int(match.1), let proto = Int(match.2), let period = Int(match.3) {
                let counts = story.flowCounts(environment: env, port: port, proto: proto, from: Int(query.start - origin), to: min(t, Int(query.end - origin)), period: period)
                body = DemoResponses.flowQueryResults(counts.map { (story.date($0.t), $0.action, $0.flows) })
                break
            }
            let functions = query.groups.map { String($0.dropFirst("/aws/lambda/".count)) }
            let report = story.topErrors(functions, environment: env, from: Int(query.start - origin), to: min(t, Int(query.end - origin)))
            body = DemoResponses.queryResults(report.counts, bytes: report.bytes)
        case (.s3, let operation):
            let name = call.pathComponent(1) ?? ""
            guard let bucket = story.buckets(environment: env).first(where: { $0.name == name }) else {
                throw AWSError(service: "s3", operation: operation, status: 404, code: "NoSuchBucket", message: "The specified bucket does not exist")
            }
            switch operation {
            case "GetBucketVersioning": body = DemoResponses.bucketVersioning()
            case "GetBucketEncryption": body = DemoResponses.bucketEncryption(bucket)
            case "GetBucketLifecycleConfiguration": body = DemoResponses.bucketLifecycle(bucket)
            case "GetPublicAccessBlock": body = DemoResponses.publicAccessBlock()
            case "GetBucketPolicy": body = DemoResponses.bucketPolicy(bucket)
            default: throw AWSError(service: "s3", operation: operation, status: 404, code: "ReplicationConfigurationNotFoundError", message: "The replication configuration was not found")
            }
        case (.ssm, "GetParametersByPath"):
            let path = call.jsonString("Path") ?? "/"
            body = DemoResponses.parametersByPath(story.parameters(environment: env).filter { $0.name.hasPrefix(path) }, modified: story.date(-12 * 86_400))
        case (.logs, "DescribeLogGroups"):
            let prefix = call.jsonString("logGroupNamePrefix") ?? ""
            let groups = story.functions().filter { $0.environment == env }.map { (name: "/aws/lambda/\($0.name)", retention: story.logRetention(environment: env)) }
            body = DemoResponses.logGroups(groups.filter { $0.name.hasPrefix(prefix) })
        case (.kms, "GetKeyRotationStatus"):
            let key = call.jsonString("KeyId") ?? ""
            body = DemoResponses.keyRotation(key, enabled: story.keyRotates(key))
        case (.ec2, "DescribeSecurityGroups"):
            body = DemoResponses.securityGroups(id: DemoStory.securityGroupId(env), name: "peering-\(env)", account: environment.accountId, ingress: story.securityGroupIngress(environment: env))
        case (.cloudFormation, "GetTemplate"):
            let stack = try stack(call.parameter("StackName") ?? "", snapshot.stacks.filter { $0.environment == env && !$0.isStackSet }, call)
            body = DemoResponses.template(story.template(stack.name, environment: env))
        case (.cloudFormation, "ListStackResources"):
            body = DemoResponses.stackResources(call.parameter("StackName") ?? "", functions: story.functions().filter { $0.environment == env }.map(\.name))
        default:
            throw AWSError(service: call.service.endpointPrefix, operation: call.operation, status: 400, code: "InvalidAction", message: "the demo platform does not answer \(call.operation)")
        }
        return Data(body.utf8)
    }
}

extension DemoAWS {
    /// The stack named `name`, or the error CloudFormation gives for a missing one.
    func stack(_ name: String, _ stacks: [StackSummary], _ call: APICall) throws -> StackSummary {
        guard let stack = stacks.first(where: { $0.name == name }) else {
            throw AWSError(service: "cloudformation", operation: call.operation, status: 400, code: "ValidationError", message: "Stack with id \(name) does not exist")
        }
        return stack
    }
}

extension APICall {
    /// The `index`th segment of a REST call's path, percent-decoded ("/2015-03-31/functions/NAME/configuration": 3 is NAME).
    func pathComponent(_ index: Int) -> String? {
        guard case .rest(_, let path, _) = input else { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.indices.contains(index) ? PercentEncoding.decode(String(parts[index])) : nil
    }

    /// A REST call's query value.
    func queryValue(_ name: String) -> String? {
        guard case .rest(_, _, let query) = input else { return nil }
        return query.split(separator: "&").lazy.map { $0.split(separator: "=", maxSplits: 1) }.first { $0.first.map(String.init) == name }?.last.flatMap { PercentEncoding.decode(String($0)) }
    }

    /// A query parameter's value.
    func parameter(_ name: String) -> String? {
        if case .query(let parameters) = input { parameters.first { $0.name == name }?.value } else { nil }
    }

    /// A GetMetricData request's StartTime to EndTime, in whole seconds after `start`.
    func metricRange(from start: Date) -> Range<Int> {
        guard case .json(let body) = input, let from = body["StartTime"]?.double, let to = body["EndTime"]?.double, to >= from else { return 0..<0 }
        let origin = start.timeIntervalSince1970
        return Int(from - origin)..<Int(to - origin)
    }

    /// A top-level number member of a JSON input.
    func jsonNumber(_ name: String) -> Double? {
        if case .json(let body) = input { body[name]?.double } else { nil }
    }

    /// A top-level string member of a JSON input.
    func jsonString(_ name: String) -> String? {
        if case .json(let body) = input { body[name]?.string } else { nil }
    }
}
