import FoundationEssentials
import AWSCore

/// A flow-log port's chart: accepted and rejected flows to the port over the range, per period, from a Logs Insights
/// query over the environment's flow-log groups (CloudWatch discovers the default format's fields: dstPort, protocol,
/// action). Flow logs are not metrics, so this is the one chart not read with GetMetricData.
struct FlowPortChart {
    var source: any ExchangeSource
    var pause: Double = 1
    var timeout: Double = 30

    /// IANA protocol numbers of the names the Flow logs panel writes.
    static let protocols = ["tcp": 6, "udp": 17, "icmp": 1]

    /// The query for `port` ("22/tcp") counted per `period` seconds.
    static func query(_ port: String, period: Int) -> String? {
        let parts = port.split(separator: "/")
        guard parts.count == 2, let number = Int(parts[0]) else { return nil }
        let proto = Self.protocols[String(parts[1])] ?? Int(parts[1]) ?? 6
        return "filter dstPort = \(number) and protocol = \(proto)\n| stats count(*) as flows by bin(\(period)s) as t, action\n| sort t asc"
    }

    /// The settings lines (the flow logs read) and the chart, or the failure of a call.
    func fetch(_ port: String, range: DetailRange, start: Double, end: Date, detail: inout ResourceDetail) async {
        do {
            let logs = try await EC2Client(source).flowLogs()
            detail.settings.append(.init("Flow logs", logs.isEmpty ? "no flow log delivers to CloudWatch Logs in this account" : logs.map { "\($0.id) on \($0.resourceId) → \($0.logGroup)" }.joined(separator: ", ")))
            guard !logs.isEmpty, let query = Self.query(port, period: range.period) else { return }
            let result = try await LogsClient(source).runQuery(groups: Array(Set(logs.map(\.logGroup))).sorted(), start: Date(timeIntervalSince1970: start), end: end,
                                                               query: query, limit: 10_000, timeout: timeout, pause: pause)
            detail.settings.append(.init("Logs Insights", "\(Int(result.bytesScanned)) bytes scanned (\(InsightsResult.cost(ofScanning: result.bytesScanned)))"))
            var chart = ResourceDetail.Chart(title: "Flows to \(port)", unit: "/\(range.periodLabel)", lines: ["ACCEPT", "REJECT"].map { action in
                ResourceDetail.ChartLine(label: action.lowercased(), series: MetricSeries(points: result.rows.compactMap { row in
                    guard row["action"] == action, let time = row["t"].flatMap(Self.time), let flows = row["flows"].flatMap(Double.init) else { return nil }
                    return (time, flows)
                }.sorted { $0.time < $1.time }))
            })
            if result.status != "Complete" { chart.refused = "Logs Insights query \(result.status.lowercased())" }
            detail.charts = [chart]
        } catch {
            detail.failures.append("\(error)")
        }
    }

    /// Logs Insights' "2026-11-20 14:05:00.000" (UTC) as epoch seconds.
    static func time(_ text: String) -> Double? {
        AWSDate.parse(text.replacing(" ", with: "T") + (text.hasSuffix("Z") ? "" : "Z"))?.timeIntervalSince1970
    }
}
