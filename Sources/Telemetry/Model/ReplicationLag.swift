import FoundationEssentials
import AWSCore

/// Replication latency of one S3 replication rule or DynamoDB global-table replica, with recent history.
public struct ReplicationLag: Codable, Equatable, Sendable {
    public var kind: Kind
    public var resource: String
    public var source: String
    public var destination: String
    public var latestSeconds: Double
    public var thresholdSeconds: Double
    public var pendingOperations: Double?
    public var history: [Double]

    public init(kind: Kind, resource: String, source: String, destination: String, latestSeconds: Double, thresholdSeconds: Double, pendingOperations: Double? = nil, history: [Double]) {
        self.kind = kind
        self.resource = resource
        self.source = source
        self.destination = destination
        self.latestSeconds = latestSeconds
        self.thresholdSeconds = thresholdSeconds
        self.pendingOperations = pendingOperations
        self.history = history
    }

    /// Which service replicates.
    public enum Kind: String, Codable, Sendable {
        case s3 = "S3"
        case dynamodb = "DynamoDB"
    }
}
