import Foundation

/// Reading responses: tolerant accessors that yield nil for missing or mistyped members.
extension JSONValue {
    /// Parses a response body, naming the call when it is not JSON.
    public static func parse(_ data: Data, for call: APICall) throws -> JSONValue {
        guard let object = try? JSONSerialization.jsonObject(with: data.isEmpty ? Data("{}".utf8) : data, options: [.fragmentsAllowed]) else {
            throw AWSError.malformed(call, "the response is not JSON")
        }
        return JSONValue(foundation: object)
    }

    /// Converts what JSONSerialization returns (booleans are the NSNumbers whose type is `c`).
    init(foundation object: Any) {
        switch object {
        case let text as String: self = .string(text)
        case let number as NSNumber: self = String(cString: number.objCType) == "c" ? .bool(number.boolValue) : .number(number.doubleValue)
        case let items as [Any]: self = .array(items.map(JSONValue.init(foundation:)))
        case let members as [String: Any]: self = .object(members.mapValues(JSONValue.init(foundation:)))
        default: self = .null
        }
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
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter.date(from: text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Formats a time as AWS query parameters expect it.
    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// The same with milliseconds, for log lines.
    public static func formatPrecise(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
