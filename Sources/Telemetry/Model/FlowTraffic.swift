import FoundationEssentials
import AWSCore

/// VPC flow-log traffic aggregated by destination port and by talker pair.
public struct FlowTraffic: Codable, Equatable, Sendable {
    public var ports: [PortTraffic]
    public var talkers: [Talker]
    public var peerings: [PeeringLink]

    public init(ports: [PortTraffic] = [], talkers: [Talker] = [], peerings: [PeeringLink] = []) {
        self.ports = ports
        self.talkers = talkers
        self.peerings = peerings
    }

    /// Accepted and rejected flows to one destination port.
    public struct PortTraffic: Codable, Equatable, Sendable {
        public var environment: String
        public var port: Int
        public var proto: String
        public var accepted: Int
        public var rejected: Int
        public var bytes: Double
        public var rejectHistory: [Double]

        public init(environment: String, port: Int, proto: String, accepted: Int, rejected: Int, bytes: Double, rejectHistory: [Double]) {
            self.environment = environment
            self.port = port
            self.proto = proto
            self.accepted = accepted
            self.rejected = rejected
            self.bytes = bytes
            self.rejectHistory = rejectHistory
        }
    }

    /// One source/destination pair ranked by bytes.
    public struct Talker: Codable, Equatable, Sendable {
        public var environment: String
        public var source: String
        public var destination: String
        public var port: Int
        public var action: String
        public var bytes: Double
        public var flows: Int
    }
}
