import AWSCore
/// Folds flow-log records into the per-port and top-talker views the flow panel shows.
public struct FlowAggregator: Sendable {
    public var environment: String
    /// Window start (epoch seconds) and bucket width for the reject history.
    public var windowStart: Double
    public var bucketSeconds: Double
    public var buckets: Int
    public var topTalkers = 20

    private var ports: [String: FlowTraffic.PortTraffic] = [:]
    private var talkers: [String: FlowTraffic.Talker] = [:]

    public init(environment: String, windowStart: Double, bucketSeconds: Double = 60, buckets: Int = 30) {
        self.environment = environment
        self.windowStart = windowStart
        self.bucketSeconds = bucketSeconds
        self.buckets = buckets
    }

    /// Adds one record.
    public mutating func add(_ record: FlowLogRecord) {
        let port = record.destinationPort ?? 0
        let portKey = "\(port)/\(record.proto)"
        var entry = ports[portKey] ?? FlowTraffic.PortTraffic(environment: environment, port: port, proto: record.proto, accepted: 0, rejected: 0, bytes: 0, rejectHistory: Array(repeating: 0, count: buckets))
        entry.bytes += record.bytes
        if record.action == "REJECT" {
            entry.rejected += 1
            let bucket = Int(saturating: ((record.start ?? windowStart) - windowStart) / bucketSeconds)
            entry.rejectHistory[min(max(bucket, 0), buckets - 1)] += 1
        } else {
            entry.accepted += 1
        }
        ports[portKey] = entry
        let talkerKey = "\(record.source)>\(record.destination):\(port) \(record.action)"
        var talker = talkers[talkerKey] ?? FlowTraffic.Talker(environment: environment, source: record.source, destination: record.destination, port: port, action: record.action, bytes: 0, flows: 0)
        talker.bytes += record.bytes
        talker.flows += 1
        talkers[talkerKey] = talker
    }

    /// The aggregated traffic: ports by rejects then port, and the busiest talkers by bytes.
    public var traffic: FlowTraffic {
        FlowTraffic(
            ports: ports.values.sorted { ($0.rejected, $1.port) > ($1.rejected, $0.port) },
            talkers: Array(talkers.values.sorted { ($0.bytes, $1.source) > ($1.bytes, $0.source) }.prefix(topTalkers)))
    }
}
