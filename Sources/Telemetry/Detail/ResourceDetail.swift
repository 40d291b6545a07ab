import FoundationEssentials
import AWSCore

/// What a detail view fetched for one resource over one range: its settings, its metric charts, and each call that
/// failed (named, with its cause, in place of what it would have shown).
public struct ResourceDetail: Equatable, Sendable {
    public var resource: ResourceRef
    public var range: DetailRange
    /// The charted range, epoch seconds.
    public var start: Double
    public var end: Double
    public var settings: [Setting] = []
    public var charts: [Chart] = []
    /// "lambda GetFunctionConfiguration: AccessDeniedException: …", one per failed call.
    public var failures: [String] = []
    /// Calls made, and CloudWatch metrics requested (GetMetricData is billed per metric).
    public var calls = 0
    public var metricsRequested = 0
    /// For functions: the start of the newest period with more invocations than errors, if the range has one.
    public var lastSuccess: Double?

    public init(resource: ResourceRef, range: DetailRange, start: Double, end: Double) {
        self.resource = resource
        self.range = range
        self.start = start
        self.end = end
    }

    /// One labelled value of the resource's settings.
    public struct Setting: Equatable, Sendable {
        public var label: String
        public var value: String

        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    /// One chart: its lines (label and series), the unit of its values, and the alarm threshold and state changes
    /// that apply to it.
    public struct Chart: Equatable, Sendable {
        public var title: String
        public var unit: String
        public var lines: [ChartLine]
        public var threshold: Double?
        /// State changes in the range: time, and whether the change was into ALARM.
        public var marks: [StateChange] = []
        /// Why the chart has no data, when its query was refused.
        public var refused: String?

        public init(title: String, unit: String, lines: [ChartLine], threshold: Double? = nil) {
            self.title = title
            self.unit = unit
            self.lines = lines
            self.threshold = threshold
        }
    }

    /// One line of a chart.
    public struct ChartLine: Equatable, Sendable {
        public var label: String
        public var series: MetricSeries

        public init(label: String, series: MetricSeries) {
            self.label = label
            self.series = series
        }
    }

    /// An alarm's change of state.
    public struct StateChange: Equatable, Sendable {
        public var time: Double
        public var intoAlarm: Bool

        public init(time: Double, intoAlarm: Bool) {
            self.time = time
            self.intoAlarm = intoAlarm
        }
    }
}
