import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore

/// GetMetricData batches that survive one bad query: split until the query is found, every other series kept.
@Suite struct MetricBatchTests {
    /// A CloudWatch stand-in that fails any GetMetricData call holding a query in `poison` (as a fault proxy would;
    /// only when asked with `stat`, if one is given) and answers the rest with one point per query.
    final class PoisonSource: ExchangeSource, @unchecked Sendable {
        let poison: Set<String>
        let status: Int
        let stat: String?
        private let lock = NSLock()
        private(set) var batches: [[String]] = []

        init(poison: Set<String>, status: Int = 500, stat: String? = nil) {
            self.poison = poison
            self.status = status
            self.stat = stat
        }

        func perform(_ call: APICall) async throws -> Data {
            guard case .json(let body) = call.input else { throw AWSError.configuration("not JSON") }
            let queries = body["MetricDataQueries"]?.array ?? []
            let ids = queries.compactMap { $0["Id"]?.string }
            lock.withLock { batches.append(ids) }
            let poisoned = queries.filter { query in
                poison.contains(query["Id"]?.string ?? "") && (stat == nil || query["MetricStat"]?["Stat"]?.string == stat)
            }
            if !poisoned.isEmpty {
                throw AWSError(service: "monitoring", operation: "GetMetricData", status: status, code: status == 400 ? "ValidationError" : "ServerError", message: "bad query")
            }
            let results = ids.map { #"{"Id":"\#($0)","Timestamps":[1795000000],"Values":[7],"StatusCode":"Complete"}"# }
            return Data(#"{"MetricDataResults":[\#(results.joined(separator: ","))]}"#.utf8)
        }
    }

    func queries(_ count: Int, percentile: Int? = nil) -> [MetricQuery] {
        (0..<count).map { MetricQuery(id: "q\($0)", namespace: "AWS/Lambda", metric: "Errors", dimensions: [], stat: $0 == percentile ? "p95" : "Sum") }
    }

    @Test(arguments: [500, 400])
    func oneBadQueryIsFoundAndTheRestKept(status: Int) async throws {
        let source = PoisonSource(poison: ["q5"], status: status)
        let result = try await CloudWatchClient(source).resilientMetricData(queries(8), start: Date(timeIntervalSince1970: 1_794_999_000), end: Date(timeIntervalSince1970: 1_795_000_060))
        #expect(result.series.keys.sorted() == ["q0", "q1", "q2", "q3", "q4", "q6", "q7"])
        #expect(result.refused.keys.sorted() == ["q5"] && result.refused["q5"]?.code != nil)
        #expect(source.batches.count == 7, "8 → 4+4 → 2+2 → 1+1: \(source.batches)")
    }

    @Test func aPercentileIsTriedApartFirst() async throws {
        let source = PoisonSource(poison: ["q3"])
        let result = try await CloudWatchClient(source).resilientMetricData(queries(8, percentile: 3), start: Date(timeIntervalSince1970: 1_794_999_000), end: Date(timeIntervalSince1970: 1_795_000_060))
        #expect(result.refused.keys.sorted() == ["q3"] && result.series.count == 7)
        #expect(source.batches.count == 3, "the whole batch, then the rest, then the percentile alone")
    }

    @Test func anErrorOfEveryQueryFailsTheCall() async {
        let source = PoisonSource(poison: ["q0", "q1"])
        await #expect { _ = try await CloudWatchClient(source).resilientMetricData(queries(2), start: Date(), end: Date()) } throws: {
            ($0 as? AWSError)?.code == "ServerError"
        }
        let denied = CannedSource(["GetMetricData": [.failure(AWSError(service: "monitoring", operation: "GetMetricData", status: 400, code: "AccessDenied", message: "no"))]])
        await #expect { _ = try await CloudWatchClient(denied).resilientMetricData(queries(4), start: Date(), end: Date()) } throws: {
            ($0 as? AWSError)?.code == "AccessDenied"
        }
        #expect(denied.calls.count == 1, "access denied is no one query's fault: not split")
    }

    /// A poller of two functions against `source`, polled twice.
    func twoPolls(_ source: PoisonSource) async -> (first: Snapshot, second: Snapshot) {
        var watch = WatchList()
        watch.functions = ["fn-a", "fn-b"]
        let poller = EnvironmentPoller(environment: EnvironmentConfig(name: "staging", accountId: "287514036912", region: "us-west-2", watch: watch),
                                       source: source, historyMinutes: 15, checkIdentity: false)
        let first = await poller.poll(now: Date(timeIntervalSince1970: 1_795_000_090)).slices[.metrics] ?? Snapshot()
        let second = await poller.poll(now: Date(timeIntervalSince1970: 1_795_000_150)).slices[.metrics] ?? Snapshot()
        return (first, second)
    }

    @Test func aRefusedQueryIsNamedAndItsNumberIsMissingNotZero() async throws {
        let (first, _) = await twoPolls(PoisonSource(poison: ["l1_thr"]))
        #expect(first.metricRefusals.map(\.summary) == ["Throttles Sum of fn-b refused by this endpoint: ServerError: bad query"])
        let fnB = try #require(first.lambdas.first { $0.function == "fn-b" })
        #expect(fnB.throttles == nil && fnB.invocations == 7, "the refused number is \"-\", the rest are there")
    }

    @Test func refusedPercentilesAreReadAsMaximumAndStayNamed() async throws {
        let source = PoisonSource(poison: ["l0_p95", "l1_p95"], stat: "p95")
        let (first, second) = await twoPolls(source)
        for snapshot in [first, second] {
            #expect(snapshot.metricRefusals.map(\.summary) == ["Duration p95 refused by this endpoint: ServerError (HTTP 500); showing Maximum"])
            #expect(snapshot.lambdas.allSatisfy { $0.durationP95Ms == 7 && $0.durationStatistic == "Maximum" })
        }
        let batches = source.batches.filter { !$0.isEmpty }
        #expect(batches.count == 5 && batches[3] == ["l0_p95", "l1_p95"] && batches[4].contains("l0_p95"),
                "whole, rest, percentiles (refused together, not split), their Maximum; then the second poll asks once: \(batches)")
    }
}
