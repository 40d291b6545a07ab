import Foundation
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
