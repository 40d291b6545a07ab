import Foundation

/// A CloudWatch metric alarm and the metric behind it.
public struct AlarmSummary: Codable, Equatable, Sendable {
    public var environment: String
    public var name: String
    public var state: State
    public var since: Date
    public var reason: String
    public var namespace: String
    public var metric: String

    public init(environment: String, name: String, state: State, since: Date, reason: String, namespace: String, metric: String) {
        self.environment = environment
        self.name = name
        self.state = state
        self.since = since
        self.reason = reason
        self.namespace = namespace
        self.metric = metric
    }

    /// CloudWatch's StateValue.
    public enum State: String, Codable, Sendable {
        case alarm = "ALARM"
        case insufficientData = "INSUFFICIENT_DATA"
        case ok = "OK"
    }
}
