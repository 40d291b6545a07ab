import FoundationEssentials
import AWSCore

/// A metric alarm as DescribeAlarms defines it: the metric it watches and how it decides, for the detail view.
public struct AlarmDefinition: Equatable, Sendable {
    public var name: String
    public var namespace: String
    public var metric: String
    public var dimensions: [(name: String, value: String)]
    /// "Average", "Sum", "p95", ...
    public var statistic: String
    public var period: Int?
    public var unit: String?
    public var threshold: Double?
    public var comparison: String?
    public var evaluationPeriods: Int?
    public var datapointsToAlarm: Int?
    public var treatMissingData: String?
    public var actionsEnabled: Bool?
    public var alarmActions: [String]
    public var okActions: [String]
    public var state: String?
    public var stateReason: String?

    public static func == (a: AlarmDefinition, b: AlarmDefinition) -> Bool {
        a.name == b.name && a.metric == b.metric && a.dimensions.map(\.value) == b.dimensions.map(\.value) && a.statistic == b.statistic
            && a.threshold == b.threshold && a.state == b.state && a.stateReason == b.stateReason
    }
}
