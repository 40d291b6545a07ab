import FoundationEssentials
import AWSCore

/// Alarm triage: history, and turning an alarm's actions off and on.
extension CloudWatchClient {
    /// The alarm's recent history, newest first (DescribeAlarmHistory).
    public func history(alarm: String, limit: Int = 50) async throws -> [AlarmHistoryItem] {
        let call = APICall(.cloudWatch, "DescribeAlarmHistory", .json(["AlarmName": .string(alarm), "MaxRecords": .number(Double(limit)), "ScanBy": "TimestampDescending"]))
        let root = try JSONValue.parse(try await source.perform(call), for: call)
        return (root["AlarmHistoryItems"]?.array ?? []).map {
            AlarmHistoryItem(time: $0["Timestamp"]?.date ?? .distantPast, type: $0["HistoryItemType"]?.string ?? "", summary: $0["HistorySummary"]?.string ?? "")
        }
    }

    /// DisableAlarmActions (`enabled` false) or EnableAlarmActions for one alarm.
    public func setActions(alarm: String, enabled: Bool) async throws {
        let call = APICall(.cloudWatch, enabled ? "EnableAlarmActions" : "DisableAlarmActions", .json(["AlarmNames": [.string(alarm)]]))
        _ = try await source.perform(call)
    }
}

extension CloudWatchClient {
    /// The metric alarm named `name` (DescribeAlarms with AlarmNames); nil when there is none.
    public func alarmDefinition(_ name: String) async throws -> AlarmDefinition? {
        let call = APICall(.cloudWatch, "DescribeAlarms", .json(["AlarmNames": [.string(name)], "AlarmTypes": ["MetricAlarm"]]))
        let root = try JSONValue.parse(try await source.perform(call), for: call)
        guard let alarm = root["MetricAlarms"]?.array.first else { return nil }
        let stat = alarm["Metrics"]?.array.first { $0["MetricStat"] != nil }?["MetricStat"]
        let metric = stat?["Metric"]
        return AlarmDefinition(
            name: name, namespace: alarm["Namespace"]?.string ?? metric?["Namespace"]?.string ?? "",
            metric: alarm["MetricName"]?.string ?? metric?["MetricName"]?.string ?? "",
            dimensions: ((alarm["Dimensions"]?.array.isEmpty ?? true ? metric?["Dimensions"] : alarm["Dimensions"])?.array ?? []).compactMap {
                guard let name = $0["Name"]?.string, let value = $0["Value"]?.string else { return nil }
                return (name, value)
            },
            statistic: alarm["Statistic"]?.string ?? alarm["ExtendedStatistic"]?.string ?? stat?["Stat"]?.string ?? "Average",
            period: (alarm["Period"] ?? stat?["Period"])?.double.map { Int(saturating: $0) }, unit: alarm["Unit"]?.string,
            threshold: alarm["Threshold"]?.double, comparison: alarm["ComparisonOperator"]?.string,
            evaluationPeriods: alarm["EvaluationPeriods"]?.double.map { Int(saturating: $0) },
            datapointsToAlarm: alarm["DatapointsToAlarm"]?.double.map { Int(saturating: $0) }, treatMissingData: alarm["TreatMissingData"]?.string,
            actionsEnabled: alarm["ActionsEnabled"]?.bool, alarmActions: (alarm["AlarmActions"]?.array ?? []).compactMap(\.string),
            okActions: (alarm["OKActions"]?.array ?? []).compactMap(\.string), state: alarm["StateValue"]?.string, stateReason: alarm["StateReason"]?.string)
    }
}
