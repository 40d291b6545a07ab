import Foundation
import AWSCore

/// One Lambda function's metrics over the last period, with its error history.
public struct LambdaMetrics: Codable, Equatable, Sendable {
    public var environment: String
    public var function: String
    public var invocations: Double
    public var errors: Double
    public var throttles: Double
    public var durationP95Ms: Double
    public var errorHistory: [Double]
    /// The statistic `durationP95Ms` holds when it is not p95 (Maximum, where the endpoint refuses percentiles).
    public var durationStatistic: String?

    public init(environment: String, function: String, invocations: Double, errors: Double, throttles: Double, durationP95Ms: Double, errorHistory: [Double],
                durationStatistic: String? = nil) {
        self.environment = environment
        self.function = function
        self.invocations = invocations
        self.errors = errors
        self.throttles = throttles
        self.durationP95Ms = durationP95Ms
        self.errorHistory = errorHistory
        self.durationStatistic = durationStatistic
    }

    /// Errors as a fraction of invocations (0 when idle).
    public var errorRate: Double { invocations > 0 ? errors / invocations : 0 }
}
