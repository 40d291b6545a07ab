import FoundationEssentials
import AWSCore
import Telemetry
import Recording
import Panels

/// Local triage state kept across restarts: which alarms are acknowledged (until they leave ALARM) and which are
/// muted until when (their actions were disabled and must be enabled again then).
public struct TriageState: Codable, Equatable, Sendable {
    /// When each alarm was acknowledged.
    public var acknowledged: [AlarmKey: Date] = [:]
    /// Alarm key to when its actions are to be enabled again.
    public var muted: [AlarmKey: Date] = [:]

    public init() {}

    /// Reads `url`; a missing file is an empty state, a damaged one an error naming it.
    public static func load(_ url: URL) throws -> TriageState {
        guard let data = try? Data(contentsOf: url) else { return TriageState() }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(TriageState.self, from: data)
        } catch {
            throw ConfigError("\(url.path): not a triage state file (\(DecodingFailure.describe(error)))")
        }
    }

    /// Writes the state to `url` atomically (mode 0600), creating its folder (0700).
    public func save(_ url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try PrivateFile.write(encoder.encode(self), to: url)
    }

    /// `snapshot` with each alarm's acknowledgement and mute filled in, and why the actions of those in `stillOff`
    /// are still disabled after their mute ran out.
    public func decorate(_ snapshot: Snapshot, stillOff: [AlarmKey: String] = [:]) -> Snapshot {
        var out = snapshot
        for index in out.alarms.indices {
            let key = out.alarms[index].key
            out.alarms[index].acknowledgedAt = acknowledged[key]
            out.alarms[index].mutedUntil = muted[key]
            out.alarms[index].actionsStillOff = stillOff[key]
        }
        return out
    }

    /// Forgets acknowledgements of alarms that `snapshot` shows out of ALARM; true if any were dropped.
    public mutating func prune(_ snapshot: Snapshot) -> Bool {
        let settled = Set(snapshot.alarms.filter { $0.state != .alarm }.map(\.key))
        let before = acknowledged.count
        acknowledged = acknowledged.filter { !settled.contains($0.key) }
        return acknowledged.count != before
    }

    /// Mutes whose time is up at `now`.
    public func expiredMutes(at now: Date) -> [AlarmKey] {
        muted.filter { $0.value <= now }.map(\.key).sorted()
    }
}
