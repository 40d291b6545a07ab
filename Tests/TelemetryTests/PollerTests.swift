import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

/// The poller keeps going when one environment fails, marks it stale or error, keeps its last data, and backs off.
@Suite struct PollerTests {
    static func identity(_ account: String) -> Result<Data, Error> {
        .success(Data("<R><GetCallerIdentityResult><Arn>arn:aws:sts::\(account):assumed-role/r/s</Arn><Account>\(account)</Account></GetCallerIdentityResult></R>".utf8))
    }
    static let stacks: Result<Data, Error> = .success(Data("<R><DescribeStacksResult><Stacks><member><StackName>platform-a</StackName><StackStatus>CREATE_COMPLETE</StackStatus><CreationTime>2026-11-01T00:00:00Z</CreationTime></member></Stacks></DescribeStacksResult></R>".utf8))
    static let stackSets: Result<Data, Error> = .success(Data("<R><ListStackSetsResult><Summaries/></ListStackSetsResult></R>".utf8))
    static let peerings: Result<Data, Error> = .success(Data("<DescribeVpcPeeringConnectionsResponse><vpcPeeringConnectionSet><item><vpcPeeringConnectionId>pcx-1</vpcPeeringConnectionId><requesterVpcInfo><vpcId>vpc-a</vpcId><ownerId>1</ownerId><region>us-east-1</region></requesterVpcInfo><accepterVpcInfo><vpcId>vpc-b</vpcId></accepterVpcInfo><status><code>active</code><message>Active</message></status></item></vpcPeeringConnectionSet></DescribeVpcPeeringConnectionsResponse>".utf8))
    static func alarms(_ name: String) -> Result<Data, Error> {
        .success(Data(#"{"MetricAlarms":[{"AlarmName":"\#(name)","StateValue":"ALARM","StateUpdatedTimestamp":1795000000,"StateReason":"r","Namespace":"AWS/Lambda","MetricName":"Errors"}]}"#.utf8))
    }
    static let throttled: Result<Data, Error> = .failure(AWSError(service: "monitoring", operation: "DescribeAlarms", status: 400, code: "ThrottlingException", message: "Rate exceeded"))

    func environment(_ name: String, _ account: String) -> EnvironmentConfig {
        var watch = WatchList()
        watch.rules = []
        watch.discoverFlowLogs = false
        return EnvironmentConfig(name: name, accountId: account, region: "us-east-1", watch: watch)
    }

    @Test func oneFailingEnvironmentIsStaleWithItsErrorAndKeepsItsLastData() async throws {
        let dev = CannedSource(["GetCallerIdentity": [Self.identity("104729364815")], "DescribeStacks": [Self.stacks, Self.stacks], "ListStackSets": [Self.stackSets, Self.stackSets],
                                "DescribeAlarms": [Self.alarms("dev-a"), Self.alarms("dev-a")], "DescribeVpcPeeringConnections": [Self.peerings, Self.peerings]])
        let prod = CannedSource(["GetCallerIdentity": [Self.identity("398126457039")], "DescribeStacks": [Self.stacks, Self.stacks], "ListStackSets": [Self.stackSets, Self.stackSets],
                                 "DescribeAlarms": [Self.alarms("prod-a"), Self.throttled], "DescribeVpcPeeringConnections": [Self.peerings, Self.peerings]])
        let poller = Poller(environments: [environment("dev", "104729364815"), environment("prod", "398126457039")], sources: ["dev": dev, "prod": prod], interval: 60, historyMinutes: 30,
                            parity: .off)
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        let first = await poller.poll(now: start)
        #expect(first.accounts.map(\.health) == [.ok, .ok])
        #expect(first.alarms.map(\.name) == ["dev-a", "prod-a"])
        #expect(first.flows.peerings.map(\.requester) == ["vpc-a (1 us-east-1)", "vpc-a (1 us-east-1)"])
        #expect(await poller.lastCycleCalls["sts GetCallerIdentity"] == 2)

        let second = await poller.poll(now: start.addingTimeInterval(60))
        #expect(second.accounts.map(\.health) == [.ok, .partial], "only prod's alarms failed")
        let alarms = try #require(second.accounts[1].sections[.alarms])
        #expect(alarms.phase == .failed && alarms.lastGood == start)
        #expect(alarms.failure == SectionFailure(call: "monitoring:DescribeAlarms", cause: .throttled, code: "ThrottlingException (HTTP 400)",
                                                 detail: "monitoring DescribeAlarms: ThrottlingException: Rate exceeded (HTTP 400)"))
        #expect(second.accounts[1].failedSections == [.alarms])
        #expect(second.accounts[1].healthSummary == "prod 1 of 3 sections failing: alarms (ThrottlingException (HTTP 400) on monitoring:DescribeAlarms)",
                "record's progress line names what fails; metrics and compliance watch nothing here")
        #expect(second.accounts[0].sections.mapValues(\.phase) == [.discovery: .notConfigured, .stacks: .fresh, .alarms: .fresh, .network: .fresh, .metrics: .notConfigured, .compliance: .notConfigured,
                                                                .settings: .notConfigured],
                "nothing is watched for metrics and compliance (no functions, rules = []), discovery is off, and so is the settings section")
        #expect(second.accounts[1].error == "alarms: monitoring DescribeAlarms: ThrottlingException: Rate exceeded (HTTP 400)")
        #expect(second.accounts[1].lastSuccess == start.addingTimeInterval(60), "prod's other sections answered")
        #expect(second.alarms.map(\.name) == ["dev-a", "prod-a"], "prod keeps its last alarms")
        #expect(await poller.lastCycleCalls["sts GetCallerIdentity"] == nil, "identity is checked once")
        #expect(await poller.nextPollDate() == start.addingTimeInterval(120), "a partial failure keeps the interval: both are due again after one")
    }

    @Test func settingsThatAllFailFailTheSectionWithTheirCallAndCauseAndAreReadOnlyWhenDue() async throws {
        let denied = { (service: String, operation: String) -> Result<Data, Error> in
            .failure(AWSError(service: service, operation: operation, status: 400, code: "AccessDeniedException", message: "not authorized"))
        }
        // No stacks, so no setting comes from what the stacks section read: every one is the section's own call.
        let noStacks: Result<Data, Error> = .success(Data("<R><DescribeStacksResult><Stacks/></DescribeStacksResult></R>".utf8))
        var config = environment("dev", "104729364815")
        config.watch.functions = ["dev-csv"]
        let source = CannedSource([
            "GetCallerIdentity": [Self.identity("104729364815")], "DescribeStacks": [noStacks, noStacks], "ListStackSets": [Self.stackSets, Self.stackSets],
            "DescribeAlarms": [Self.alarms("dev-a"), Self.alarms("dev-a")], "DescribeVpcPeeringConnections": [Self.peerings, Self.peerings],
            "GetFunctionConfiguration": [denied("lambda", "GetFunctionConfiguration")],
            "GetParametersByPath": [denied("ssm", "GetParametersByPath")], "DescribeLogGroups": [denied("logs", "DescribeLogGroups")],
            "GetMetricData": [.success(Data(#"{"MetricDataResults":[]}"#.utf8)), .success(Data(#"{"MetricDataResults":[]}"#.utf8))],
        ])
        let poller = Poller(environments: [config], sources: ["dev": source], interval: 60, historyMinutes: 30)
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        let first = await poller.poll(now: start)
        let settings = try #require(first.accounts[0].sections[.settings])
        #expect(settings.phase == .failed && settings.failure?.cause == .accessDenied && settings.failure?.call == "lambda:GetFunctionConfiguration", "\(settings)")
        #expect(first.accounts[0].failedSections == [.settings])
        let calls = source.calls.count
        let second = await poller.poll(now: start.addingTimeInterval(60))
        #expect(source.calls.dropFirst(calls).contains { $0.operation == "GetParametersByPath" }, "a failed settings read is tried again at the next poll")
        #expect(second.accounts[0].sections[.settings]?.phase == .failed)
    }

    @Test func wrongAccountAndMissingCredentialsAreErrors() async {
        let wrong = CannedSource(["GetCallerIdentity": [Self.identity("111111111111")]])
        let poller = Poller(environments: [environment("dev", "104729364815"), environment("prod", "398126457039")], sources: ["dev": wrong],
                            setupErrors: ["prod": "credentials: no credentials: AWS_ACCESS_KEY_ID is not set"], interval: 60, historyMinutes: 30)
        let snapshot = await poller.poll(now: Date(timeIntervalSince1970: 1_795_000_000))
        #expect(snapshot.accounts.map(\.health) == [.error, .error])
        #expect(snapshot.accounts[0].error?.contains("credentials are for account 111111111111") == true)
        #expect(snapshot.accounts[1].error == "credentials: no credentials: AWS_ACCESS_KEY_ID is not set")
        #expect(wrong.calls.count == 1, "nothing else is called for the wrong account")
    }

    @Test func discoveryRunsAtTheFirstPollThenEveryTenMinutesOrOnRefresh() async throws {
        let resources = Result<Data, Error>.success(Data("""
        <R><ListStackResourcesResult><StackResourceSummaries><member><LogicalResourceId>Fn</LogicalResourceId><PhysicalResourceId>dev-ingest</PhysicalResourceId>\
        <ResourceType>AWS::Lambda::Function</ResourceType><ResourceStatus>CREATE_COMPLETE</ResourceStatus></member></StackResourceSummaries></ListStackResourcesResult></R>
        """.utf8))
        let source = CannedSource(["GetCallerIdentity": [Self.identity("104729364815")], "DescribeStacks": Array(repeating: Self.stacks, count: 8), "ListStackResources": [resources, resources],
                                   "GetMetricData": Array(repeating: .success(Data(#"{"MetricDataResults":[]}"#.utf8)), count: 8)])
        var watch = WatchList()
        watch.discoverResources = true
        watch.rules = []
        watch.discoverFlowLogs = false
        let dev = EnvironmentConfig(name: "dev", accountId: "104729364815", region: "eu-west-1", watch: watch)
        let poller = Poller(environments: [dev], sources: ["dev": source], interval: 60, historyMinutes: 30)
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        _ = await poller.poll(now: start, force: true)
        let first = await poller.poll(now: start.addingTimeInterval(60), force: true)
        #expect(first.lambdas.map(\.function) == ["dev-ingest"], "the stack's function is watched without being listed")
        #expect(first.accounts[0].sections[.discovery]?.phase == .fresh)
        #expect(source.calls.filter { $0.operation == "ListStackResources" }.count == 1, "not again within ten minutes")
        await poller.refresh()
        _ = await poller.poll(now: start.addingTimeInterval(120))
        #expect(source.calls.filter { $0.operation == "ListStackResources" }.count == 2, "refresh discovers again and makes every environment due")
    }

    @Test func metricPlanMapsSeriesToRows() {
        var watch = WatchList()
        watch.functions = ["csv"]
        watch.tables = ["orders"]
        watch.tableReplicas = [.init(table: "orders", receivingRegion: "us-east-2", thresholdSeconds: 5)]
        let plan = MetricPlan(EnvironmentConfig(name: "staging", accountId: "287514036912", region: "us-west-2", watch: watch))
        #expect(plan.queries.map(\.id) == ["l0_inv", "l0_err", "l0_thr", "l0_p95", "t0_rcu", "t0_wcu", "t0_prcu", "t0_pwcu", "t0_rthr", "t0_wthr", "r0_lat"])
        let series = ["l0_inv": MetricSeries(points: [(60, 100), (120, 90)]), "l0_err": MetricSeries(points: [(60, 1), (120, 9)]),
                      "t0_wcu": MetricSeries(points: [(60, 6000)]), "t0_pwcu": MetricSeries(points: [(60, 50)]), "r0_lat": MetricSeries(points: [(60, 2500)])]
        #expect(plan.queries.first { $0.id == "l0_p95" }?.period == 300, "the duration statistic is asked for over the window")
        #expect(plan.lambdas(series, end: Date(timeIntervalSince1970: 180)) == [LambdaMetrics(environment: "staging", function: "csv", invocations: 190, errors: 10, throttles: nil, durationP95Ms: nil, errorHistory: [1, 9])],
                "counts are summed over the window; no throttle or duration datapoint is nil (shown \"-\"), not 0")
        let oneMinute = MetricPlan(plan.environment, windowMinutes: 1)
        #expect(oneMinute.lambdas(series, end: Date(timeIntervalSince1970: 180)).first?.invocations == 90, "a one-minute window holds only the last minute")
        #expect(plan.lambdas(series, end: Date(timeIntervalSince1970: 420)).first?.invocations == 90, "a minute that left the window is no longer counted")
        let later = plan.lambdas(series, end: Date(timeIntervalSince1970: 120 + 15 * 60))
        #expect(later.first?.invocations == nil && later.first?.idle == true, "a datapoint 15 minutes old is not shown as current")
        let range = plan.range(end: Date(timeIntervalSince1970: 3600), historyMinutes: 12)
        #expect(range.start == Date(timeIntervalSince1970: 3600 - 15 * 60), "the read starts a whole number of windows before its end")
        #expect(plan.tables(series).first?.consumedWCU == 100 && plan.tables(series).first?.provisionedWCU == 50 && plan.tables(series).first?.provisionedRCU == nil)
        #expect(plan.replication(series).first?.latestSeconds == 2.5)
    }
}

/// The organization-wide compliance path: one aggregator answers for every account.
@Suite struct AggregatorTests {
    static let rules = #"""
    {"AggregateComplianceByConfigRules":[
      {"ConfigRuleName":"s3-bucket-ssl-requests-only","Compliance":{"ComplianceType":"NON_COMPLIANT","ComplianceContributorCount":{"CappedCount":1,"CapExceeded":false}},"AccountId":"398126457039","AwsRegion":"us-east-1"},
      {"ConfigRuleName":"s3-bucket-versioning-enabled","Compliance":{"ComplianceType":"NON_COMPLIANT"},"AccountId":"104729364815","AwsRegion":"eu-west-1"},
      {"ConfigRuleName":"restricted-ssh","Compliance":{"ComplianceType":"COMPLIANT"},"AccountId":"104729364815","AwsRegion":"eu-west-1"}]}
    """#
    static func details(_ account: String, _ rule: String, _ resource: String) -> Result<Data, Error> {
        .success(Data(#"{"AggregateEvaluationResults":[{"EvaluationResultIdentifier":{"EvaluationResultQualifier":{"ConfigRuleName":"\#(rule)","ResourceType":"AWS::S3::Bucket","ResourceId":"\#(resource)"},"OrderingTimestamp":1795000000},"ComplianceType":"NON_COMPLIANT","ResultRecordedTime":1795000100,"ConfigRuleInvokedTime":1795000090,"Annotation":"see rule","AccountId":"\#(account)","AwsRegion":"us-east-1"}]}"#.utf8))
    }

    @Test func onlyTheAggregatorsEnvironmentCallsConfigAndFindingsGoToTheirAccounts() async throws {
        let prod = CannedSource([
            "GetCallerIdentity": [PollerTests.identity("398126457039")], "DescribeStacks": [PollerTests.stacks], "ListStackSets": [PollerTests.stackSets],
            "DescribeAlarms": [.success(Data(#"{"MetricAlarms":[]}"#.utf8))], "DescribeVpcPeeringConnections": [PollerTests.peerings],
            "DescribeAggregateComplianceByConfigRules": [.success(Data(Self.rules.utf8))],
            "GetAggregateComplianceDetailsByConfigRule": [Self.details("398126457039", "s3-bucket-ssl-requests-only", "opsdeck-prod-archive"),
                                                          Self.details("104729364815", "s3-bucket-versioning-enabled", "opsdeck-dev-scratch")],
        ])
        let dev = CannedSource([
            "GetCallerIdentity": [PollerTests.identity("104729364815")], "DescribeStacks": [PollerTests.stacks], "ListStackSets": [PollerTests.stackSets],
            "DescribeAlarms": [.success(Data(#"{"MetricAlarms":[]}"#.utf8))], "DescribeVpcPeeringConnections": [PollerTests.peerings],
        ])
        var devConfig = PollerTests().environment("dev", "104729364815")
        devConfig.watch.rules = nil
        let poller = Poller(environments: [devConfig, PollerTests().environment("prod", "398126457039")], sources: ["dev": dev, "prod": prod],
                            interval: 60, historyMinutes: 30, aggregator: AggregatorConfig(name: "org", environment: "prod"), parity: .off)
        let snapshot = await poller.poll(now: Date(timeIntervalSince1970: 1_795_000_000))
        #expect(snapshot.accounts.map(\.health) == [.ok, .ok])
        #expect(snapshot.findings.map { "\($0.environment) \($0.resourceId)" } == ["prod opsdeck-prod-archive", "dev opsdeck-dev-scratch"])
        #expect(!dev.calls.contains { $0.service == .config }, "dev does not call Config even with rules = all")
        let detail = try #require(prod.calls.first { $0.operation == "GetAggregateComplianceDetailsByConfigRule" })
        #expect(detail.input == .json(["ConfigurationAggregatorName": "org", "ConfigRuleName": "s3-bucket-ssl-requests-only", "AccountId": "398126457039",
                                       "AwsRegion": "us-east-1", "ComplianceType": "NON_COMPLIANT", "Limit": 100]))
    }

    @Test func aggregatorMustNameAnEnvironment() throws {
        #expect { _ = try OpsdeckConfig.parse("[aggregator]\nname = \"org\"\nenvironment = \"ops\"\n[environments.dev]\naccount_id = \"104729364815\"\nregion = \"r\"") } throws: {
            "\($0)" == "aggregator.environment 'ops' is not one of the [environments]"
        }
        #expect(try OpsdeckConfig.parse("[aggregator]\nname = \"org\"\nenvironment = \"dev\"\n[environments.dev]\naccount_id = \"104729364815\"\nregion = \"r\"").aggregator
                == AggregatorConfig(name: "org", environment: "dev"))
    }
}

/// CloudWatch cross-account observability: the monitoring account reads every account's metrics in one batch.
@Suite struct MonitoringAccountTests {
    @Test func oneBatchWithAccountIdsFeedsEveryEnvironmentsRows() async throws {
        var devConfig = PollerTests().environment("dev", "104729364815")
        devConfig.watch.functions = ["dev-csv"]
        var prodConfig = PollerTests().environment("prod", "398126457039")
        prodConfig.watch.functions = ["prod-csv"]
        let metrics = #"{"MetricDataResults":[{"Id":"e0_l0_inv","Timestamps":[1794999940],"Values":[12]},{"Id":"e1_l0_inv","Timestamps":[1794999940],"Values":[3400]}]}"#
        let common: [String: [Result<Data, Error>]] = [
            "DescribeStacks": [PollerTests.stacks], "ListStackSets": [PollerTests.stackSets],
            "DescribeAlarms": [.success(Data(#"{"MetricAlarms":[]}"#.utf8))], "DescribeVpcPeeringConnections": [PollerTests.peerings],
        ]
        let prod = CannedSource(common.merging(["GetCallerIdentity": [PollerTests.identity("398126457039")], "GetMetricData": [.success(Data(metrics.utf8))]]) { $1 })
        let dev = CannedSource(common.merging(["GetCallerIdentity": [PollerTests.identity("104729364815")]]) { $1 })
        let poller = Poller(environments: [devConfig, prodConfig], sources: ["dev": dev, "prod": prod], interval: 60, historyMinutes: 30, monitoring: "prod", parity: .off)
        let snapshot = await poller.poll(now: Date(timeIntervalSince1970: 1_795_000_000))
        #expect(snapshot.accounts.map(\.health) == [.ok, .ok])
        #expect(snapshot.lambdas.map { "\($0.environment) \($0.function) \(Int($0.invocations ?? -1))" } == ["dev dev-csv 12", "prod prod-csv 3400"])
        #expect(!dev.calls.contains { $0.operation == "GetMetricData" })
        let call = try #require(prod.calls.first { $0.operation == "GetMetricData" })
        guard case .json(let body) = call.input, case .array(let queries)? = body["MetricDataQueries"] else { Issue.record("no queries"); return }
        #expect(queries.count == 8)
        #expect(queries.first?["Id"] == "e0_l0_inv" && queries.first?["AccountId"] == "104729364815")
        #expect(queries.last?["AccountId"] == "398126457039")
    }
}
