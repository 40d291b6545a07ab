import AWSCore
/// One metric series to fetch with GetMetricData.
public struct MetricQuery: Sendable, Equatable {
    public var id: String
    public var namespace: String
    public var metric: String
    public var dimensions: [(name: String, value: String)]
    public var stat: String
    public var period: Int
    /// The source account, when a monitoring account reads metrics shared with it (CloudWatch cross-account observability).
    public var accountId: String?

    public init(id: String, namespace: String, metric: String, dimensions: [(name: String, value: String)], stat: String, period: Int = 60) {
        self.id = id
        self.namespace = namespace
        self.metric = metric
        self.dimensions = dimensions
        self.stat = stat
        self.period = period
    }

    public static func == (a: MetricQuery, b: MetricQuery) -> Bool {
        a.id == b.id && a.namespace == b.namespace && a.metric == b.metric && a.stat == b.stat && a.period == b.period
            && a.dimensions.map(\.name) == b.dimensions.map(\.name) && a.dimensions.map(\.value) == b.dimensions.map(\.value) && a.accountId == b.accountId
    }

    /// The query as GetMetricData's MetricDataQueries entry.
    var json: JSONValue {
        let dimensions = JSONValue.array(self.dimensions.map { ["Name": .string($0.name), "Value": .string($0.value)] })
        let metric: JSONValue = ["Namespace": .string(namespace), "MetricName": .string(self.metric), "Dimensions": dimensions]
        var query: [String: JSONValue] = ["Id": .string(id), "ReturnData": true, "MetricStat": ["Metric": metric, "Period": .number(Double(period)), "Stat": .string(stat)]]
        if let accountId { query["AccountId"] = .string(accountId) }
        return .object(query)
    }
}

/// A fetched series: points in time order.
public struct MetricSeries: Sendable, Equatable {
    public var points: [(time: Double, value: Double)]

    public init(points: [(time: Double, value: Double)] = []) { self.points = points }

    public static func == (a: MetricSeries, b: MetricSeries) -> Bool {
        a.points.map(\.time) == b.points.map(\.time) && a.points.map(\.value) == b.points.map(\.value)
    }

    /// Values oldest first.
    public var values: [Double] { points.map(\.value) }

    /// The newest value, if any.
    public var latest: Double? { points.last?.value }

    /// The newest value stamped at or after `time`: nil when the series has no datapoint that recent.
    public func latest(since time: Double) -> Double? {
        points.last.flatMap { $0.time >= time ? $0.value : nil }
    }

    /// The sum of the values stamped at or after `time`: nil when there are none.
    public func sum(since time: Double) -> Double? {
        let recent = points.reversed().prefix { $0.time >= time }
        return recent.isEmpty ? nil : recent.reduce(0) { $0 + $1.value }
    }
}
