import Foundation
import Testing
@testable import Panels
@testable import Telemetry
@testable import Demo

/// What `y` copies and `O` opens, per resource kind and partition.
@Suite struct ResourceLinksTests {
    @Test func eachKindHasItsARNCommandAndConsolePage() {
        let table = ResourceLinks(ResourceRef(.table, "orders", environment: "prod"), accountId: "398126457039", region: "us-east-1")
        #expect(table.arn == "arn:aws:dynamodb:us-east-1:398126457039:table/orders")
        #expect(table.command == "aws dynamodb describe-table --table-name orders --region us-east-1")
        #expect(table.consoleURL == "https://us-east-1.console.aws.amazon.com/dynamodbv2/home?region=us-east-1#table?name=orders")
        let bucket = ResourceLinks(ResourceRef(.bucket, "opsdeck-prod-reports", environment: "prod"), accountId: "398126457039", region: "us-east-1")
        #expect(bucket.arn == "arn:aws:s3:::opsdeck-prod-reports" && bucket.consoleURL == "https://s3.console.aws.amazon.com/s3/buckets/opsdeck-prod-reports?region=us-east-1")
        let stack = ResourceLinks(ResourceRef(.stack, "prod-data-buckets", environment: "prod"), accountId: "398126457039", region: "us-east-1")
        #expect(stack.arn == nil && stack.copies.map(\.label) == ["name", "AWS CLI", "console URL"], "a stack's ARN holds an id opsdeck does not read")
        let china = ResourceLinks(ResourceRef(.function, "ingest", environment: "cn"), accountId: "111122223333", region: "cn-north-1")
        #expect(china.arn == "arn:aws-cn:lambda:cn-north-1:111122223333:function:ingest" && china.consoleURL.hasPrefix("https://cn-north-1.console.amazonaws.cn/"))
    }

    @Test func namesAreQuotedForTheShellAndEncodedForURLs() {
        let alarm = ResourceLinks(ResourceRef(.alarm, "it's 5xx / api", environment: "prod"), accountId: "398126457039", region: "us-east-1")
        #expect(alarm.command == "aws cloudwatch describe-alarms --alarm-names 'it'\\''s 5xx / api' --region us-east-1")
        #expect(alarm.consoleURL.hasSuffix("#alarmsV2:alarm/it's%205xx%20%2F%20api"))
        let accented = ResourceLinks(ResourceRef(.alarm, "débit", environment: "prod"), accountId: "398126457039", region: "us-east-1")
        #expect(accented.consoleURL.hasSuffix("#alarmsV2:alarm/d%C3%A9bit"), "each byte of the UTF-8 once, as Foundation's encoding")
    }

    @Test func everyPanelRowOfTheDemoNamesItsResource() {
        let snapshot = DemoStory().snapshot(at: 600)
        for panel in [PanelID.stacks, .lambda, .dynamodb, .replication, .compliance, .alarms] {
            let rows = PanelCatalog.panel(panel).content(for: snapshot).sections.flatMap(\.rows)
            #expect(!rows.isEmpty && rows.allSatisfy { $0.resource != nil }, "\(panel)")
        }
    }
}
