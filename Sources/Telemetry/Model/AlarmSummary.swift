import FoundationEssentials
import AWSCore

/// A CloudWatch metric alarm and the metric behind it.
public struct AlarmSummary: Codable, Equatable, Sendable {
    public var environment: String
    public var name: String
    public var state: State
    public var since: Date
    public var reason: String
    public var namespace: String
    public var metric: String
    /// The value of the metric's first dimension (function, table, bucket), to find the row behind the alarm.
    public var resource: String?
    /// The value the alarm compares its metric with, drawn on the resource's chart of that metric.
    public var threshold: Double?
    /// Local triage: when someone acknowledged the alarm, and until when its actions are muted.
    public var acknowledgedAt: Date?
    public var mutedUntil: Date?
    /// Why the actions are still off after the mute ran out (not re-enabled without --allow-actions), if they are.
    public var actionsStillOff: String?

    public init(environment: String, name: String, state: State, since: Date, reason: String, namespace: String, metric: String, resource: String? = nil,
                threshold: Double? = nil) {
        self.threshold = threshold
        self.environment = environment
        self.name = name
        self.state = state
        self.since = since
        self.reason = reason
        self.namespace = namespace
        self.metric = metric
        self.resource = resource
    }

    /// Identifies the alarm across snapshots and in the triage state.
    public var key: AlarmKey { AlarmKey(environment: environment, name: name) }

    /// CloudWatch's StateValue.
    public enum State: String, Codable, Sendable {
        case alarm = "ALARM"
        case insufficientData = "INSUFFICIENT_DATA"
        case ok = "OK"
    }
}
