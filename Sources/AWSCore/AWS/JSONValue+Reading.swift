import FoundationEssentials

/// Reading responses: tolerant accessors that yield nil for missing or mistyped members.
extension JSONValue {
    /// Parses a response body, naming the call when it is not JSON.
    public static func parse(_ data: Data, for call: APICall) throws -> JSONValue {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: data.isEmpty ? Data("{}".utf8) : data) else {
            throw AWSError.malformed(call, "the response is not JSON")
        }
        return value
    }

    public subscript(key: String) -> JSONValue? { if case .object(let members) = self { members[key] } else { nil } }
    public var string: String? { if case .string(let value) = self { value } else { nil } }
    public var double: Double? { if case .number(let value) = self { value } else { nil } }
    public var array: [JSONValue] { if case .array(let items) = self { items } else { [] } }
    public var object: [String: JSONValue]? { if case .object(let members) = self { members } else { nil } }
    public var bool: Bool? { if case .bool(let value) = self { value } else { nil } }

    /// A number in a short text form: "2", "1e+23", "-1.5".
    public var text: String {
        guard case .number(let value) = self else { return "\(self)" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    /// A timestamp sent as epoch seconds (the JSON wire format) or as ISO 8601 text (as the AWS CLI prints it); nil for
    /// seconds outside years 0 to 9999, which no AWS timestamp has.
    public var date: Date? {
        switch self {
        case .number(let seconds): seconds.bounded(by: 2.5e11).map(Date.init(timeIntervalSince1970:))
        case .string(let text): AWSDate.parse(text)
        default: nil
        }
    }
}

/// ISO 8601 timestamps as AWS writes them, with or without fractional seconds.
public enum AWSDate {
    /// Parses `2024-09-29T22:10:00Z`, `…T22:10:00.123Z` or `…T22:10:00+00:00`.
    public static func parse(_ text: String) -> Date? {
        let text = text.trimming(.whitespacesAndNewlines)
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: text.contains(".")).parse(text)
    }

    /// Formats a time as AWS query parameters expect it.
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// The same with milliseconds, for log lines.
    public static func formatPrecise(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
