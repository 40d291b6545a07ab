import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

/// The service clients read real-format responses (AWS CLI examples) into the model.
@Suite struct ClientParsingTests {
    @Test func alarmsFromDescribeAlarms() async throws {
        let source = CannedSource(["DescribeAlarms": [.success(try resource("responses/cloudwatch-DescribeAlarms.awscli.json"))]])
        let alarms = try await CloudWatchClient(source).alarms(environment: "prod")
        #expect(alarms.count == 1)
        let alarm = try #require(alarms.first)
        #expect(alarm.name == "myalarm" && alarm.state == .ok && alarm.namespace == "AWS/EC2" && alarm.metric == "CPUUtilization")
        #expect(alarm.since == AWSDate.parse("2014-04-09T18:59:06.442Z"))
        #expect(alarm.reason.hasPrefix("Threshold Crossed"))
    }

    @Test func complianceFromConfigRulesAndDetails() async throws {
        let source = CannedSource([
            "DescribeComplianceByConfigRule": [.success(try resource("responses/config-DescribeComplianceByConfigRule.awscli.json"))],
            "GetComplianceDetailsByConfigRule": [
                .success(try resource("responses/config-GetComplianceDetailsByConfigRule.awscli.json")),
                .success(Data(#"{"EvaluationResults":[]}"#.utf8)),
            ],
        ])
        let client = ConfigServiceClient(source)
        let rules = try await client.nonCompliantRules(nil)
        #expect(rules == ["InstanceTypesAreT2micro", "RequiredTagsForVolumes"])
        let findings = try await client.findings(rule: rules[0], environment: "prod")
        #expect(findings.count == 3)
        #expect(findings.allSatisfy { $0.rule == "InstanceTypesAreT2micro" && $0.compliance == "NON_COMPLIANT" && $0.resourceType == "AWS::EC2::Instance" })
        #expect(findings.first?.resourceId == "i-1a2b3c4d")
        #expect(findings.first?.recordedAt == Date(timeIntervalSince1970: 1450314645.261))
        if case .json(let body) = source.calls[0].input { #expect(body["ComplianceTypes"] == ["NON_COMPLIANT"]) }
    }

    @Test func metricDataPagesAndBatches() async throws {
        let page1 = #"{"MetricDataResults":[{"Id":"a","Timestamps":[120,60],"Values":[2,1],"StatusCode":"PartialData"}],"NextToken":"t1"}"#
        let page2 = #"{"MetricDataResults":[{"Id":"a","Timestamps":[180],"Values":[3]},{"Id":"b","Timestamps":[60,120],"Values":[null,5]}]}"#
        let empty = #"{"MetricDataResults":[]}"#
        let source = CannedSource(["GetMetricData": [.success(Data(page1.utf8)), .success(Data(page2.utf8)), .success(Data(empty.utf8))]])
        let queries = (0..<501).map { MetricQuery(id: $0 == 0 ? "a" : $0 == 1 ? "b" : "q\($0)", namespace: "AWS/Lambda", metric: "Errors", dimensions: [], stat: "Sum") }
        let series = try await CloudWatchClient(source).metricData(queries, start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 600)).series
        #expect(series["a"]?.values == [1, 2, 3], "PartialData is completed by the next page")
        #expect(series["b"]?.values == [5])
        #expect(source.calls.count == 3)
        let sizes = source.calls.map { call -> Int in if case .json(let body) = call.input, case .array(let q)? = body["MetricDataQueries"] { q.count } else { -1 } }
        #expect(sizes == [500, 500, 1])
    }

    @Test func aResultTheServiceFailedIsRefusedAloneWithItsMessages() async throws {
        let page = #"""
        {"MetricDataResults":[{"Id":"a","Timestamps":[60],"Values":[4],"StatusCode":"Complete"},
          {"Id":"b","Timestamps":[],"Values":[],"StatusCode":"InternalError","Messages":[{"Code":"InternalError","Value":"Internal server error"}]},
          {"Id":"c","Timestamps":[],"Values":[],"StatusCode":"Forbidden"}],
         "Messages":[{"Code":"MaxQueryTimeRangeExceed","Value":"the time range is too long"}]}
        """#
        let source = CannedSource(["GetMetricData": [.success(Data(page.utf8))]])
        let queries = ["a", "b", "c"].map { MetricQuery(id: $0, namespace: "AWS/Lambda", metric: "Errors", dimensions: [], stat: "Sum") }
        let result = try await CloudWatchClient(source).metricData(queries, start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 600))
        #expect(result.series["a"]?.values == [4])
        #expect(result.refused.keys.sorted() == ["b", "c"])
        #expect(result.refused["b"]?.code == "InternalError" && result.refused["b"]?.message == "InternalError: Internal server error")
        #expect(result.refused["c"]?.message == "the service returned no data for this query")
        let parsed = try CloudWatchClient.parseMetricData(Data(page.utf8), call: APICall(.cloudWatch, "GetMetricData", .json([:])))
        #expect(parsed.messages == ["MaxQueryTimeRangeExceed: the time range is too long"])
    }

    @Test func taggedResourcesAreReadAcrossPagesAndNamedFromTheirARNs() async throws {
        let page1 = #"{"PaginationToken":"p2","ResourceTagMappingList":[{"ResourceARN":"arn:aws:lambda:eu-west-1:104729364815:function:dev-csv-processor","Tags":[{"Key":"Environment","Value":"dev"}]},{"ResourceARN":"arn:aws:dynamodb:eu-west-1:104729364815:table/orders","Tags":[]}]}"#
        let page2 = #"{"PaginationToken":"","ResourceTagMappingList":[{"ResourceARN":"arn:aws:s3:::opsdeck-dev-ingest","Tags":[]},{"ResourceARN":"arn:aws:lambda:eu-west-1:104729364815:function:dev-validator:live","Tags":[]}]}"#
        let source = CannedSource(["GetResources": [.success(Data(page1.utf8)), .success(Data(page2.utf8))]])
        let arns = try await TaggingClient(source).resources(tagged: ["Environment": "dev"])
        #expect(arns.compactMap(TaggingClient.resource).map { "\($0.kind) \($0.name)" } == ["function dev-csv-processor", "table orders", "bucket opsdeck-dev-ingest", "function dev-validator"])
        if case .json(let body) = source.calls[0].input { #expect(body["TagFilters"] == [["Key": "Environment", "Values": ["dev"]]]) }
        if case .json(let body) = source.calls[1].input { #expect(body["PaginationToken"] == "p2") }
        #expect(TaggingClient.resource("arn:aws:s3:::bucket/key") == nil && TaggingClient.resource("not an arn") == nil)
    }

    @Test func recordedMetricMathResultParses() throws {
        let call = APICall(.cloudWatch, "GetMetricData", .json([:]))
        let page = try CloudWatchClient.parseMetricData(try resource("responses/cloudwatch-GetMetricData.awscli-metric-math.json"), call: call)
        #expect(page.series["m3"]?.values == [96.85])
        #expect(page.series["m3"]?.points.first?.time == AWSDate.parse("2024-09-29T22:10:00+00:00")?.timeIntervalSince1970)
    }

    @Test func mismatchedSeriesAndNonJSONAreMalformed() async {
        let source = CannedSource(["GetMetricData": [.success(Data(#"{"MetricDataResults":[{"Id":"a","Timestamps":[1,2],"Values":[1]}]}"#.utf8))],
                                   "DescribeAlarms": [.success(Data("<html>".utf8))]])
        let client = CloudWatchClient(source)
        await #expect { _ = try await client.metricData([MetricQuery(id: "a", namespace: "n", metric: "m", dimensions: [], stat: "Sum")], start: .now, end: .now) } throws: {
            ($0 as? AWSError)?.code == "MalformedResponse" && "\($0)".contains("2 timestamps but 1 values")
        }
        await #expect { _ = try await client.alarms(environment: "dev") } throws: { "\($0)" == "monitoring DescribeAlarms: MalformedResponse: the response is not JSON" }
    }

    @Test func emptyStackListAndPagedStacks() async throws {
        let page = """
        <DescribeStacksResponse><DescribeStacksResult><Stacks><member><StackName>platform-a</StackName><StackStatus>UPDATE_ROLLBACK_COMPLETE</StackStatus>
        <CreationTime>2026-11-01T10:00:00Z</CreationTime><LastUpdatedTime>2026-11-02T10:00:00.5Z</LastUpdatedTime><StackStatusReason>rolled back</StackStatusReason>
        <DriftInformation><StackDriftStatus>DRIFTED</StackDriftStatus></DriftInformation></member></Stacks><NextToken>n1</NextToken></DescribeStacksResult></DescribeStacksResponse>
        """
        let source = CannedSource(["DescribeStacks": [.success(Data(page.utf8)), .success(try resource("responses/cloudformation-DescribeStacks.empty.botocore.xml"))]])
        let stacks = try await CloudFormationClient(source).stacks(environment: "prod")
        #expect(stacks == [StackSummary(environment: "prod", name: "platform-a", status: "UPDATE_ROLLBACK_COMPLETE", drift: .drifted,
                                        lastUpdated: AWSDate.parse("2026-11-02T10:00:00.5Z")!, statusReason: "rolled back")])
        #expect(source.calls.last?.input == .query([.init("NextToken", "n1")]))
    }

    @Test func assumeRoleJoinsAFoldedSessionToken() throws {
        let xml = """
        <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>secret</SecretAccessKey>
        <SessionToken>
          AQoDYXdz
          EPT//////
        </SessionToken><Expiration>2026-11-22T22:00:00Z</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>
        """
        let credentials = try STSClient.credentials(Data(xml.utf8), result: "AssumeRoleResult", call: APICall(.sts, "AssumeRole", .query([])))
        #expect(credentials == Credentials(accessKeyId: "ASIAEXAMPLE", secretAccessKey: "secret", sessionToken: "AQoDYXdzEPT//////", expiration: AWSDate.parse("2026-11-22T22:00:00Z")))
    }
}
