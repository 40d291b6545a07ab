import FoundationEssentials
import AWSCore

/// One log event of a tailed group: where it came from, when, and what it says.
public struct LogEvent: Equatable, Sendable {
    public var environment: String
    public var group: String
    public var stream: String
    /// Epoch seconds, to the millisecond.
    public var time: Double
    public var id: String
    public var message: String

    public init(environment: String, group: String, stream: String, time: Double, id: String, message: String) {
        self.environment = environment
        self.group = group
        self.stream = stream
        self.time = time
        self.id = id
        self.message = message
    }

    /// What kind of line it is, for highlighting.
    public enum Kind: Sendable, Equatable {
        case error, timeout, throttled, report, plain
    }

    /// ERROR, Task timed out, throttling and REPORT lines are told apart; the rest are plain.
    public var kind: Kind {
        let text = message
        if text.contains("Task timed out") { return .timeout }
        if text.contains("Throttl") || text.contains("ProvisionedThroughputExceeded") || text.contains("TooManyRequests") || text.contains("Rate exceeded") { return .throttled }
        if text.contains("ERROR") || text.contains("[ERROR]") || text.contains("Traceback") || text.contains("\"level\":\"error\"") || text.contains("\"level\":\"ERROR\"") { return .error }
        if text.hasPrefix("REPORT ") { return .report }
        return .plain
    }

    /// The message as lines to show: a JSON object as `key=value` pairs, tabs and trailing newlines dropped.
    public var readable: [String] {
        let trimmed = message.trimming(.whitespacesAndNewlines)
        if trimmed.hasPrefix("{"), let object = try? JSONDecoder().decode([String: JSONValue].self, from: Data(trimmed.utf8)) {
            let order = ["level", "msg", "message"]
            let keys = object.keys.sorted { (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1) }
            return [keys.map { "\($0)=\(Self.text(object[$0]!))" }.joined(separator: " ")]
        }
        return trimmed.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.replacing("\t", with: "  ")) }
    }

    private static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let string): return string.contains(" ") ? "\"\(string)\"" : string
        case .number: return value.text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array, .object:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
        }
    }
}
