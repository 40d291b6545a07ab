import FoundationEssentials

/// Names one alarm across environments: its environment and its name. Written as "env/name" in the triage state
/// file and on screen; environment names hold no "/", so the first one splits the two.
public struct AlarmKey: Hashable, Comparable, Codable, CodingKeyRepresentable, CustomStringConvertible, Sendable {
    public var environment: String
    public var name: String

    public init(environment: String, name: String) {
        self.environment = environment
        self.name = name
    }

    /// Reads "env/name"; nil without a "/" or with an empty side.
    public init?(_ text: String) {
        guard let slash = text.firstIndex(of: "/"), slash != text.startIndex, text.index(after: slash) != text.endIndex else { return nil }
        self.init(environment: String(text[..<slash]), name: String(text[text.index(after: slash)...]))
    }

    public var description: String { "\(environment)/\(name)" }

    public static func < (a: AlarmKey, b: AlarmKey) -> Bool { (a.environment, a.name) < (b.environment, b.name) }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let key = AlarmKey(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not env/alarm-name"))
        }
        self = key
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public var codingKey: CodingKey { AnyKey(stringValue: description) }

    public init?<T: CodingKey>(codingKey: T) { self.init(codingKey.stringValue) }

    /// A coding key made of the "env/name" text.
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
