import FoundationEssentials
import AWSCore
import Telemetry
import Recording
import Panels

/// One triage action, for the incident report: when, who, where, what, and how it went.
public struct TriageLogEntry: Codable, Equatable, Sendable {
    public var time: Date
    /// The caller identity (ARN) the action ran as, or the local user for local actions.
    public var who: String
    public var environment: String
    public var action: String
    public var target: String
    public var detail: String
    public var outcome: String

    public init(time: Date, who: String, environment: String, action: String, target: String, detail: String, outcome: String) {
        self.time = time
        self.who = who
        self.environment = environment
        self.action = action
        self.target = target
        self.detail = detail
        self.outcome = outcome
    }
}

/// The triage log: appended as JSON Lines, exported as Markdown or JSON.
public enum TriageLog {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Appends `entry` to `url`, creating it (0600) and its folder (0700).
    public static func append(_ entry: TriageLogEntry, to url: URL) throws {
        try PrivateFile.append(encoder.encode(entry) + Data([0x0A]), to: url)
    }

    /// Every entry in `url`, oldest first; a damaged line is an error naming it.
    public static func load(_ url: URL) throws -> [TriageLogEntry] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try data.split(separator: 0x0A).enumerated().map { index, line in
            do {
                return try decoder.decode(TriageLogEntry.self, from: Data(line))
            } catch {
                throw ConfigError("\(url.path) line \(index + 1): not a triage log entry")
            }
        }
    }

    /// The alarms whose actions this opsdeck disabled and has not yet enabled again, per `entries`.
    public static func openMutes(_ entries: [TriageLogEntry]) -> Set<AlarmKey> {
        var open = Set<AlarmKey>()
        for entry in entries where entry.outcome == "ok" {
            let key = AlarmKey(environment: entry.environment, name: entry.target)
            switch entry.action {
            case "mute": open.insert(key)
            case "unmute": open.remove(key)
            default: break
            }
        }
        return open
    }

    /// The entries as a Markdown table for an incident report.
    public static func markdown(_ entries: [TriageLogEntry], title: String = "opsdeck triage log") -> String {
        func cell(_ text: String) -> String { text.replacing("|", with: "\\|").replacing("\n", with: " ").visible }
        var lines = ["# \(title)", "", "| Time (UTC) | Who | Env | Action | Target | Detail | Outcome |", "| --- | --- | --- | --- | --- | --- | --- |"]
        lines += entries.map { entry in
            "| \(AWSDate.format(entry.time)) | \(cell(entry.who)) | \(cell(entry.environment)) | \(cell(entry.action)) | \(cell(entry.target)) | \(cell(entry.detail)) | \(cell(entry.outcome)) |"
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The entries as a JSON array.
    public static func json(_ entries: [TriageLogEntry]) throws -> Data {
        let encoder = encoder
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(entries) + Data([0x0A])
    }
}
