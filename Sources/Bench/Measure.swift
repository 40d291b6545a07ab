import FoundationEssentials
import Dispatch
import Glibc
import AWSCore
import Telemetry
import Recording
import Demo
import Panels

/// Times a piece of work: the median and 95th percentile of `runs` runs, in milliseconds.
enum Measure {
    static func milliseconds(runs: Int, _ body: () -> Void) -> (median: Double, p95: Double) {
        body()
        return summary((0..<runs).map { _ in
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        })
    }

    /// The same for an async body.
    static func milliseconds(runs: Int, _ body: () async -> Void) async -> (median: Double, p95: Double) {
        await body()
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            await body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return summary(samples)
    }

    /// The median and 95th percentile of `samples`.
    private static func summary(_ samples: [Double]) -> (median: Double, p95: Double) {
        let sorted = samples.sorted()
        return (sorted[sorted.count / 2], sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))])
    }

    /// "1.23 ms".
    static func format(_ ms: Double) -> String { String(cFormat: "%.2f ms", ms) }
}
