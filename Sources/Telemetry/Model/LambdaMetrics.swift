import FoundationEssentials
import AWSCore

/// One Lambda function's metrics over the last `windowMinutes` (counts summed, duration the window's statistic),
/// with its per-minute error history; nil where the window holds no datapoint.
public struct LambdaMetrics: Codable, Equatable, Sendable {
    public var environment: String
    public var function: String
    public var invocations: Double?
    public var errors: Double?
    public var throttles: Double?
    public var durationP95Ms: Double?
    public var errorHistory: [Double]
    /// The statistic `durationP95Ms` holds when it is not p95 (Maximum, where the endpoint refuses percentiles).
    public var durationStatistic: String?
    /// The minutes the numbers cover.
    public var windowMinutes: Int

    public init(environment: String, function: String, invocations: Double?, errors: Double?, throttles: Double?, durationP95Ms: Double?, errorHistory: [Double],
                durationStatistic: String? = nil, windowMinutes: Int = MetricWindow.defaultMinutes) {
        self.environment = environment
        self.function = function
        self.invocations = invocations
        self.errors = errors
        self.throttles = throttles
        self.durationP95Ms = durationP95Ms
        self.errorHistory = errorHistory
        self.durationStatistic = durationStatistic
        self.windowMinutes = windowMinutes
    }

    /// Errors as a fraction of invocations (0 when idle).
    public var errorRate: Double {
        guard let invocations, invocations > 0 else { return 0 }
        return (errors ?? 0) / invocations
    }

    /// Whether the window holds no invocation datapoint: the function did not run.
    public var idle: Bool { invocations == nil && errors == nil }
}
