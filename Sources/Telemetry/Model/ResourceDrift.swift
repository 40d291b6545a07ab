import Foundation
import AWSCore

/// How one resource of a stack differs from its template, property by property.
public struct ResourceDrift: Codable, Equatable, Sendable {
    public var logicalId: String
    public var physicalId: String?
    public var type: String
    public var status: String
    public var differences: [PropertyDifference]

    public init(logicalId: String, physicalId: String?, type: String, status: String, differences: [PropertyDifference]) {
        self.logicalId = logicalId
        self.physicalId = physicalId
        self.type = type
        self.status = status
        self.differences = differences
    }

    /// One property's expected and actual value.
    public struct PropertyDifference: Codable, Equatable, Sendable {
        public var path: String
        public var expected: String
        public var actual: String
        public var kind: String

        public init(path: String, expected: String, actual: String, kind: String) {
            self.path = path
            self.expected = expected
            self.actual = actual
            self.kind = kind
        }
    }
}

/// One entry of an alarm's history.
public struct AlarmHistoryItem: Codable, Equatable, Sendable {
    public var time: Date
    public var type: String
    public var summary: String

    public init(time: Date, type: String, summary: String) {
        self.time = time
        self.type = type
        self.summary = summary
    }
}
