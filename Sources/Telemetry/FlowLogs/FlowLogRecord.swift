import AWSCore
/// One VPC flow-log record, read through a format (the default v2 fields or a custom `${field}` list).
public struct FlowLogRecord: Sendable, Equatable {
    public var source: String
    public var destination: String
    public var destinationPort: Int?
    public var proto: String
    public var bytes: Double
    public var action: String
    public var start: Double?

    /// Parses one line; nil for header lines, NODATA/SKIPDATA records, and lines that do not fit the format.
    public init?(line: Substring, format: FlowLogFormat) {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == format.fields.count else { return nil }
        func field(_ index: Int?) -> Substring? { index.map { fields[$0] } }
        guard let source = field(format.source), let destination = field(format.destination), source != "-", source != "srcaddr" else { return nil }
        guard let action = field(format.action), action == "ACCEPT" || action == "REJECT" else { return nil }
        self.source = String(source)
        self.destination = String(destination)
        destinationPort = field(format.destinationPort).flatMap { Int($0) }
        proto = Self.protocolName(field(format.proto).map(String.init) ?? "-")
        bytes = field(format.bytes).flatMap { Double($0) } ?? 0
        self.action = String(action)
        start = field(format.start).flatMap { Double($0) }
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
