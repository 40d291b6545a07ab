import FoundationEssentials
import AWSCore

/// How one resource of a stack differs from its template, property by property.
public struct ResourceDrift: Codable, Equatable, Sendable {
    public var logicalId: String
    public var physicalId: String?
    public var type: String
    public var status: String
    public var differences: [PropertyDifference]

    /// One property's expected and actual value.
    public struct PropertyDifference: Codable, Equatable, Sendable {
        public var path: String
        public var expected: String
        public var actual: String
        public var kind: String
    }
}

/// One entry of an alarm's history.
public struct AlarmHistoryItem: Codable, Equatable, Sendable {
    public var time: Date
    public var type: String
    public var summary: String
}
