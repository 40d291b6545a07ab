/// One VPC flow-log record, read through a format (the default v2 fields or a custom `${field}` list).
public struct FlowLogRecord: Sendable, Equatable {
    public var source: String
    public var destination: String
    public var destinationPort: Int?
    public var proto: String
    public var bytes: Double
    public var action: String
    public var start: Double?

    /// The default (version 2) field order.
    public static let defaultFormat = ["version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log-status"]

    /// Field names from a LogFormat such as `${version} ${srcaddr} …`; nil or empty gives the default format.
    public static func format(_ logFormat: String?) -> [String] {
        guard let logFormat, !logFormat.isEmpty else { return defaultFormat }
        return logFormat.split(separator: " ").map { $0.replacingOccurrences(of: "${", with: "").replacingOccurrences(of: "}", with: "") }
    }

    /// Parses one line; nil for header lines, NODATA/SKIPDATA records, and lines that do not fit the format.
    public init?(line: Substring, format: [String]) {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == format.count else { return nil }
        var values: [String: Substring] = [:]
        for (name, value) in zip(format, fields) { values[name] = value }
        guard let source = values["srcaddr"], let destination = values["dstaddr"], source != "-", source != "srcaddr" else { return nil }
        guard let action = values["action"], action == "ACCEPT" || action == "REJECT" else { return nil }
        self.source = String(source)
        self.destination = String(destination)
        destinationPort = values["dstport"].flatMap { Int($0) }
        proto = Self.protocolName(values["protocol"].map(String.init) ?? "-")
        bytes = values["bytes"].flatMap { Double($0) } ?? 0
        self.action = String(action)
        start = values["start"].flatMap { Double($0) }
    }

    /// IANA protocol numbers as names for the common ones.
    static func protocolName(_ number: String) -> String {
        switch number {
        case "6": "tcp"
        case "17": "udp"
        case "1": "icmp"
        case "58": "icmp6"
        default: number
        }
    }
}
