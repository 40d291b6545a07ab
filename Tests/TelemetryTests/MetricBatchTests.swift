import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore

/// GetMetricData batches that survive one bad query: split until the query is found, every other series kept.
@Suite struct MetricBatchTests {
    /// A CloudWatch stand-in that fails any GetMetricData call holding a query in `poison` (as a fault proxy would)
    /// and answers the rest with one point per query.
    final class PoisonSource: ExchangeSource, @unchecked Sendable {
        let poison: Set<String>
        let status: Int
        private let lock = NSLock()
        private(set) var batches: [[String]] = []

        init(poison: Set<String>, status: Int = 500) {
            self.poison = poison
            self.status = status
        }

        func perform(_ call: APICall) async throws -> Data {
            guard case .json(let body) = call.input else { throw AWSError.configuration("not JSON") }
            let ids = (body["MetricDataQueries"]?.array ?? []).compactMap { $0["Id"]?.string }
            lock.withLock { batches.append(ids) }
            if !poison.isDisjoint(with: ids) {
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
}
