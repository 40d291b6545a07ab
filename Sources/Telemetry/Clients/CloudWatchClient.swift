import FoundationEssentials
import AWSCore
import Logging

/// Amazon CloudWatch over JSON 1.0: metric data in batches of up to 500 queries, and alarms.
public struct CloudWatchClient: Sendable {
    public var source: any ExchangeSource
    /// GetMetricData's limit on queries per call.
    public static let batchSize = 500

    public init(_ source: any ExchangeSource) { self.source = source }

    /// Fetches every query between `start` and `end`, batching and following NextToken (which also completes a
    /// result marked PartialData); series keyed by query id. A result the service marks InternalError or Forbidden
    /// is refused on its own, with its messages; the call's own Messages are logged.
    public func metricData(_ queries: [MetricQuery], start: Date, end: Date) async throws -> MetricResult {
        var result = MetricResult()
        for batchStart in stride(from: 0, to: queries.count, by: Self.batchSize) {
            let batch = queries[batchStart..<min(queries.count, batchStart + Self.batchSize)]
            let pages = try await source.paginate({ token in
                var body: [String: JSONValue] = [
                    "MetricDataQueries": .array(batch.map(\.json)),
                    "StartTime": .number(start.timeIntervalSince1970.rounded(.down)),
                    "EndTime": .number(end.timeIntervalSince1970.rounded(.down)),
                    "ScanBy": "TimestampAscending",
                ]
                if let token { body["NextToken"] = .string(token) }
                return APICall(.cloudWatch, "GetMetricData", .json(.object(body)))
            }, read: { body, call in
                let page = try Self.parseMetricData(body, call: call)
                return ([page], page.next)
            })
            for page in pages {
                for (id, points) in page.series { result.series[id, default: MetricSeries()].points += points.points }
                result.refused.merge(page.refused) { _, new in new }
                for message in page.messages { OpsdeckLog.logger("metrics").warning("GetMetricData says: \(message)") }
            }
        }
        for id in result.series.keys { result.series[id]!.points.sort { $0.time < $1.time } }
        return result
    }

    /// One GetMetricData page: its series, the results the service refused, its messages and its next token.
    struct MetricPage {
        var series: [String: MetricSeries] = [:]
        var refused: [String: AWSError] = [:]
        var messages: [String] = []
        var next: String?
    }

    /// Reads one GetMetricData page.
    static func parseMetricData(_ body: Data, call: APICall) throws -> MetricPage {
        let root = try JSONValue.parse(body, for: call)
        var page = MetricPage(messages: messages(root["Messages"]), next: root["NextToken"]?.string)
        for result in root["MetricDataResults"]?.array ?? [] {
            guard let id = result["Id"]?.string else { throw AWSError.malformed(call, "a MetricDataResults entry has no Id") }
            let times = result["Timestamps"]?.array ?? []
            let values = result["Values"]?.array ?? []
            guard times.count == values.count else { throw AWSError.malformed(call, "series \(id) has \(times.count) timestamps but \(values.count) values") }
            page.series[id, default: MetricSeries()].points += zip(times, values).compactMap { time, value in
                guard let time = time.date, let value = value.double else { return nil }
                return (time.timeIntervalSince1970, value)
            }
            if let status = result["StatusCode"]?.string, status == "InternalError" || status == "Forbidden" {
                let said = messages(result["Messages"]).joined(separator: "; ")
                page.refused[id] = AWSError(service: call.service.endpointPrefix, operation: call.operation, status: nil, code: status,
                                            message: said.isEmpty ? "the service returned no data for this query" : said)
            }
        }
        return page
    }

    /// A Messages list ([{Code, Value}]) as "Code: Value" lines.
    private static func messages(_ list: JSONValue?) -> [String] {
        (list?.array ?? []).map { message in
            [message["Code"]?.string, message["Value"]?.string].compactMap { $0?.visible }.joined(separator: ": ")
        }
    }

    /// Every metric alarm (all pages of DescribeAlarms), labelled with `environment`.
    public func alarms(environment: String) async throws -> [AlarmSummary] {
        try await source.paginate({ token in
            var body: [String: JSONValue] = ["AlarmTypes": ["MetricAlarm"]]
            if let token { body["NextToken"] = .string(token) }
            return APICall(.cloudWatch, "DescribeAlarms", .json(.object(body)))
        }, read: { try Self.parseAlarms($0, environment: environment, call: $1) })
    }

    /// Reads one DescribeAlarms page.
    static func parseAlarms(_ body: Data, environment: String, call: APICall) throws -> (items: [AlarmSummary], next: String?) {
        let root = try JSONValue.parse(body, for: call)
        let alarms = try (root["MetricAlarms"]?.array ?? []).map { alarm in
            guard let name = alarm["AlarmName"]?.string, let stateText = alarm["StateValue"]?.string, let state = AlarmSummary.State(rawValue: stateText) else {
                throw AWSError.malformed(call, "an alarm has no AlarmName or a StateValue outside OK/ALARM/INSUFFICIENT_DATA")
            }
            let stat = alarm["Metrics"]?.array.first { $0["MetricStat"] != nil }?["MetricStat"]?["Metric"]
            return AlarmSummary(
                environment: environment, name: name, state: state,
                since: alarm["StateUpdatedTimestamp"]?.date ?? .distantPast, reason: alarm["StateReason"]?.string ?? "",
                namespace: alarm["Namespace"]?.string ?? stat?["Namespace"]?.string ?? "",
                metric: alarm["MetricName"]?.string ?? stat?["MetricName"]?.string ?? "",
                resource: (alarm["Dimensions"]?.array.first ?? stat?["Dimensions"]?.array.first)?["Value"]?.string, threshold: alarm["Threshold"]?.double)
        }
        return (alarms, root["NextToken"]?.string)
    }
}
