import Foundation
import AWSCore
import Telemetry
import Recording

/// A stand-in for the AWS APIs of one demo account: answers each call with the responses real AWS would give for
/// the platform as the story has it at the current time, in the services' own wire formats.
final class DemoAWS: ExchangeSource, @unchecked Sendable {
    let story: DemoStory
    let environment: EnvironmentConfig
    private let lock = NSLock()
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
            body = DemoResponses.describeStacks(snapshot.stacks.filter { $0.environment == env && !$0.isStackSet })
        case (.cloudFormation, "ListStackSets"):
            body = DemoResponses.listStackSets(snapshot.stacks.filter { $0.environment == env && $0.isStackSet }.map(\.name))
        case (.cloudFormation, "ListStackInstances"):
            let name = call.parameter("StackSetName")
            body = DemoResponses.listStackInstances(snapshot.stacks.filter { $0.environment == env && $0.isStackSet && $0.name == name }, environment: environment)
        case (.cloudWatch, "GetMetricData"):
            let range = call.metricRange(from: story.start)
            body = DemoResponses.metricData(call, series: { DemoMetrics(story: self.story, snapshot: snapshot, environment: self.environment, t: t, range: range).series($0) })
        case (.cloudWatch, "DescribeAlarms"):
            body = DemoResponses.describeAlarms(snapshot.alarms.filter { $0.environment == env })
        case (.config, "DescribeComplianceByConfigRule"):
            body = DemoResponses.complianceByRule(snapshot.findings.filter { $0.environment == env && $0.compliance == "NON_COMPLIANT" })
        case (.config, "GetComplianceDetailsByConfigRule"):
            let rule = call.jsonString("ConfigRuleName")
            body = DemoResponses.complianceDetails(snapshot.findings.filter { $0.environment == env && $0.compliance == "NON_COMPLIANT" && $0.rule == rule })
        case (.ec2, "DescribeVpcPeeringConnections"):
            body = DemoResponses.peerings(snapshot.flows.peerings.filter { $0.environment == env })
        case (.ec2, "DescribeFlowLogs"):
            body = DemoResponses.flowLogs(environment)
        case (.logs, "FilterLogEvents"):
            body = DemoResponses.logEvents(story.flowRecords(t)[env] ?? [], start: Int(story.date(t).timeIntervalSince1970) - DemoStory.flowWindow)
        default:
            throw AWSError(service: call.service.endpointPrefix, operation: call.operation, status: 400, code: "InvalidAction", message: "the demo platform does not answer \(call.operation)")
        }
        return Data(body.utf8)
    }
}

extension APICall {
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

    /// A top-level string member of a JSON input.
    func jsonString(_ name: String) -> String? {
        if case .json(let body) = input { body[name]?.string } else { nil }
    }
}
