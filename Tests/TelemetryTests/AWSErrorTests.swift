import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

@Suite struct AWSErrorTests {
    let describeStacks = APICall(.cloudFormation, "DescribeStacks", .query([]))
    let getMetricData = APICall(.cloudWatch, "GetMetricData", .json([:]))

    @Test(arguments: [
        "Throttling-cloudformation.boto-issue-2790.xml", "Throttling-cloudformation.stacker-issue-54.xml",
        "Throttling-elasticloadbalancing.awslimitchecker-issue-86.xml", "Throttling-route53.ruby_route_53-issue-13.xml",
    ])
    func realThrottlingBodiesAreThrottling(file: String) throws {
        let error = AWSError.from(HTTPResponse(status: 400, body: try resource("responses/errors/\(file)")), call: describeStacks)
        #expect(error.code == "Throttling")
        #expect(RetryPolicy.reason(for: error) == .throttling)
        #expect(error.description.hasPrefix("cloudformation DescribeStacks: Throttling"))
    }

    @Test func jsonThrottlingAndExpiredToken() throws {
        let json = AWSError.from(HTTPResponse(status: 400, body: try resource("responses/errors/ThrottlingException.rusoto-pr-1704.json")), call: getMetricData)
        #expect(json.code == "ThrottlingException" && json.message == "Rate exceeded")
        let expired = AWSError.from(HTTPResponse(status: 403, body: try resource("responses/errors/ExpiredToken-iam.cfn-sphere-issue-55.xml")), call: describeStacks)
        #expect(expired.code == "ExpiredToken")
        #expect(expired.requestId == "689b4496-ca92-11e5-9a31-4932678efe5c")
        #expect(RetryPolicy.reason(for: expired) == .expiredCredentials)
    }

    @Test func namespacedJSONTypesAndHeaderOnlyErrors() {
        let typed = AWSError.from(.text(400, #"{"__type":"com.amazonaws.config#NoSuchConfigRuleException","message":"gone"}"#), call: getMetricData)
        #expect(typed.code == "NoSuchConfigRuleException")
        let header = AWSError.from(.text(400, "", headers: ["x-amzn-errortype": "AccessDeniedException:http://internal"]), call: getMetricData)
        #expect(header.code == "AccessDeniedException")
    }

    @Test func htmlAndGarbageBecomeClearErrors() {
        let html = AWSError.from(.text(502, "<!DOCTYPE html><html><body><h1>Bad Gateway</h1><br></body></html>", headers: ["x-amzn-requestid": "req-1"]), call: describeStacks)
        #expect(html.code == "ServerError", "a 5xx page is the service failing, not a wrong endpoint")
        #expect(html.description == "cloudformation DescribeStacks: ServerError: the service failed and sent an HTML error page (request id req-1); opsdeck retries (HTTP 502)")
        #expect(RetryPolicy.reason(for: html) == .transient)
        let portal = AWSError.from(.text(200, "<html><body>Sign in to the Wi-Fi</body></html>"), call: describeStacks)
        #expect(portal.code == "UnexpectedHTML" && portal.description.contains("proxy or wrong endpoint?"))
        let garbage = AWSError.from(.text(500, "\u{1}\u{2}garbage"), call: describeStacks)
        #expect(garbage.code == "HTTP500")
        #expect(garbage.description.contains("unrecognised body"))
        let empty = AWSError.from(.text(403, ""), call: describeStacks)
        #expect(empty.description.contains("HTTP 403 with an empty body"))
        #expect(RetryPolicy.reason(for: empty) == nil)
    }
}
