import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

/// The one paginator every NextToken-style client uses: all pages in order, and an end to pages that never end.
@Suite struct PaginatorTests {
    /// A source answering DescribeAlarms pages from `pages` in order (each a body), recording the calls.
    func source(_ pages: [String]) -> CannedSource {
        CannedSource(["DescribeAlarms": pages.map { .success(Data($0.utf8)) }])
    }

    func alarm(_ name: String) -> String {
        #"{"AlarmName":"\#(name)","StateValue":"OK","StateUpdatedTimestamp":1795000000}"#
    }

    @Test func followsEveryPageInOrder() async throws {
        let pages = source([#"{"MetricAlarms":[\#(alarm("a"))],"NextToken":"t1"}"#, #"{"MetricAlarms":[\#(alarm("b"))],"NextToken":"t2"}"#, #"{"MetricAlarms":[\#(alarm("c"))],"NextToken":""}"#])
        let alarms = try await CloudWatchClient(pages).alarms(environment: "dev")
        #expect(alarms.map(\.name) == ["a", "b", "c"])
        #expect(pages.calls.map(\.canonicalParameters) == [#"{"AlarmTypes":["MetricAlarm"]}"#, #"{"AlarmTypes":["MetricAlarm"],"NextToken":"t1"}"#, #"{"AlarmTypes":["MetricAlarm"],"NextToken":"t2"}"#])
    }

    @Test func aTokenThatComesBackIsAnErrorNotALoop() async throws {
        let looping = source([#"{"MetricAlarms":[],"NextToken":"t1"}"#, #"{"MetricAlarms":[],"NextToken":"t2"}"#, #"{"MetricAlarms":[],"NextToken":"t1"}"#])
        let error = await #expect(throws: AWSError.self) { try await CloudWatchClient(looping).alarms(environment: "dev") }
        #expect(error?.description == "monitoring DescribeAlarms: MalformedResponse: the same next token came back twice, so its pages would never end")
        #expect(looping.calls.count == 3)
    }

    @Test func pagesStopAtTheLimit() async throws {
        let endless = CannedSource(["DescribeAlarms": (0..<5).map { .success(Data(#"{"MetricAlarms":[],"NextToken":"t\#($0)"}"#.utf8)) }])
        let error = await #expect(throws: AWSError.self) {
            try await endless.paginate(maxPages: 4, { token in APICall(.cloudWatch, "DescribeAlarms", .json(token.map { ["NextToken": .string($0)] } ?? [:])) },
                                       read: { try CloudWatchClient.parseAlarms($0, environment: "dev", call: $1) })
        }
        #expect(error?.message == "more than 4 pages")
    }

    @Test func logsMayRepeatTheirLastToken() async throws {
        let logs = CannedSource(["FilterLogEvents": [
            .success(Data(#"{"events":[{"message":"one"}],"nextToken":"n1"}"#.utf8)),
            .success(Data(#"{"events":[{"message":"two"}],"nextToken":"n1"}"#.utf8)),
        ]])
        let messages = try await LogsClient(logs).events(group: "g", start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 60))
        #expect(messages == ["one", "two"])
        let capped = CannedSource(["FilterLogEvents": [.success(Data(#"{"events":[{"message":"a"},{"message":"b"},{"message":"c"}],"nextToken":"n1"}"#.utf8))]])
        #expect(try await LogsClient(capped).events(group: "g", start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 60), limit: 2) == ["a", "b"])
    }
}
