import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore

/// The log tail's merging, the lines it highlights and shows readably, and the filter pattern a replay applies.
@Suite struct LogTailTests {
    let staging = LogTail.Source(environment: "staging", group: "/aws/lambda/staging-csv-processor")
    let prod = LogTail.Source(environment: "prod", group: "/aws/lambda/prod-csv-processor")

    func event(_ source: LogTail.Source, _ time: Double, _ id: String, _ message: String = "line") -> LogEvent {
        LogEvent(environment: source.environment, group: source.group, stream: "s", time: time, id: id, message: message)
    }

    @Test func readsMergeInTimeOrderAcrossAccountsWithoutRepeats() {
        var tail = LogTail(sources: [staging, prod], capacity: 4)
        #expect(tail.start(of: staging, now: 10_000) == 10_000 - LogTail.backfill)
        tail.merge(.success([event(staging, 100, "a"), event(staging, 103, "b")]), from: staging, calls: 1)
        tail.merge(.success([event(prod, 101, "a"), event(prod, 102, "c")]), from: prod, calls: 1)
        #expect(tail.events.map(\.time) == [100, 101, 102, 103])
        #expect(tail.events.map(\.environment) == ["staging", "prod", "prod", "staging"])
        // The next read starts at the newest event, so it returns that event again: it is not shown twice.
        #expect(tail.start(of: staging, now: 10_000) == 103)
        tail.merge(.success([event(staging, 103, "b"), event(staging, 104, "d")]), from: staging, calls: 1)
        #expect(tail.events.map(\.time) == [101, 102, 103, 104], "the oldest goes past capacity")
        #expect(tail.calls == 3)
    }

    @Test func aFailedReadIsNamedAndClearedByTheNextGoodOne() {
        var tail = LogTail(sources: [staging])
        tail.merge(.failure(LogFailure("logs FilterLogEvents: AccessDeniedException: not authorized (HTTP 400)")), from: staging, calls: 1)
        #expect(tail.failures[staging]?.contains("AccessDeniedException") == true)
        #expect(tail.events.isEmpty)
        tail.merge(.success([]), from: staging, calls: 1)
        #expect(tail.failures.isEmpty)
    }

    @Test func refilteringStartsOver() {
        var tail = LogTail(sources: [staging])
        tail.merge(.success([event(staging, 100, "a")]), from: staging, calls: 1)
        tail.refilter("ERROR")
        #expect(tail.events.isEmpty && tail.pattern == "ERROR" && tail.start(of: staging, now: 1000) == 1000 - LogTail.backfill)
    }

    @Test func linesAreToldApartForHighlighting() {
        #expect(event(staging, 0, "1", "2026-11-20T14:09:37.000Z abc Task timed out after 300.00 seconds").kind == .timeout)
        #expect(event(staging, 0, "1", "[ERROR] CSVHeaderError: bad\nTraceback (most recent call last):").kind == .error)
        #expect(event(staging, 0, "1", "[WARNING] PutItem throttled (ProvisionedThroughputExceededException)").kind == .throttled)
        #expect(event(staging, 0, "1", "REPORT RequestId: x\tDuration: 3.2 ms").kind == .report)
        #expect(event(staging, 0, "1", #"{"level":"ERROR","msg":"schema mismatch"}"#).kind == .error)
        #expect(event(staging, 0, "1", "START RequestId: x").kind == .plain)
    }

    @Test func jsonLinesReadAsKeyValuesAndTracesKeepTheirLines() {
        let json = event(staging, 0, "1", #"{"records":42,"msg":"schema mismatch","level":"ERROR","extra":{"a":1}}"# + "\n")
        #expect(json.readable == [#"level=ERROR msg="schema mismatch" extra={"a":1} records=42"#])
        let trace = event(staging, 0, "1", "[ERROR] Boom\nTraceback:\n\tFile x\n")
        #expect(trace.readable == ["[ERROR] Boom", "Traceback:", "  File x"])
    }

    @Test func filterPatternsMatchAsCloudWatchDoesForPlainLines() {
        #expect(FilterPattern("ERROR").matches("[ERROR] boom"))
        #expect(!FilterPattern("ERROR").matches("[error] boom"), "terms are case-sensitive")
        #expect(FilterPattern("ERROR CSVHeaderError").matches("[ERROR] CSVHeaderError: x"))
        #expect(!FilterPattern("ERROR Timeout").matches("[ERROR] CSVHeaderError: x"))
        #expect(FilterPattern(#""Task timed out""#).matches("Task timed out after 3 s"))
        #expect(!FilterPattern(#""timed Task""#).matches("Task timed out after 3 s"))
        #expect(FilterPattern("?ERROR ?WARNING").matches("[WARNING] throttled") && !FilterPattern("?ERROR ?WARNING").matches("[INFO] ok"))
        #expect(!FilterPattern("ERROR -CSVHeaderError").matches("[ERROR] CSVHeaderError"))
        #expect(FilterPattern("").matches("anything") && FilterPattern(#"{ $.level = "ERROR" }"#).matches("anything"))
    }
}
