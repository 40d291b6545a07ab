import FoundationEssentials
import AWSCore

/// Consumed and provisioned capacity of one DynamoDB table, with throttled requests.
public struct TableThroughput: Codable, Equatable, Sendable {
    public var environment: String
    public var table: String
    public var consumedRCU: Double
    public var consumedWCU: Double
    public var provisionedRCU: Double?
    public var provisionedWCU: Double?
    public var readThrottles: Double
    public var writeThrottles: Double
    public var wcuHistory: [Double]

    public init(environment: String, table: String, consumedRCU: Double, consumedWCU: Double, provisionedRCU: Double?, provisionedWCU: Double?, readThrottles: Double, writeThrottles: Double, wcuHistory: [Double]) {
        self.environment = environment
        self.table = table
        self.consumedRCU = consumedRCU
        self.consumedWCU = consumedWCU
        self.provisionedRCU = provisionedRCU
        self.provisionedWCU = provisionedWCU
        self.readThrottles = readThrottles
        self.writeThrottles = writeThrottles
        self.wcuHistory = wcuHistory
    }

    /// Whether capacity is on demand (no provisioned figures).
    public var isOnDemand: Bool { provisionedRCU == nil && provisionedWCU == nil }
}
