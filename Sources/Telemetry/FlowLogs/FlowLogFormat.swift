import AWSCore
/// A flow-log record format: its field names, with the positions of the fields opsdeck reads worked out once.
public struct FlowLogFormat: Sendable, Equatable {
    public let fields: [String]
    let source, destination, destinationPort, proto, bytes, action, start: Int?

    public init(fields: [String]) {
        self.fields = fields
        func position(_ name: String) -> Int? { fields.firstIndex(of: name) }
        source = position("srcaddr")
        destination = position("dstaddr")
        destinationPort = position("dstport")
        proto = position("protocol")
        bytes = position("bytes")
        action = position("action")
        start = position("start")
    }

    /// The default (version 2) field order.
    public static let standard = FlowLogFormat(fields: ["version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log-status"])

    /// The format a LogFormat such as `${version} ${srcaddr} …` describes; nil or empty is the default format.
    public init(logFormat: String?) {
        guard let logFormat, !logFormat.isEmpty else {
            self = .standard
            return
        }
        self.init(fields: logFormat.split(separator: " ").map { String($0.replacing("${", with: "").replacing("}", with: "")) })
    }
}
