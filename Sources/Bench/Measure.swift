import Foundation
import AWSCore
import Telemetry
import Recording
import Demo
import Panels

/// Times a piece of work: the median and 95th percentile of `runs` runs, in milliseconds.
enum Measure {
    static func milliseconds(runs: Int, _ body: () -> Void) -> (median: Double, p95: Double) {
        body()
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        samples.sort()
        return (samples[samples.count / 2], samples[min(samples.count - 1, Int(Double(samples.count) * 0.95))])
    }

    /// "1.23 ms".
    static func format(_ ms: Double) -> String { String(format: "%.2f ms", ms) }
}
