import FoundationEssentials
import AWSCore

/// One AWS Config evaluation of a resource against a rule.
public struct ComplianceFinding: Codable, Equatable, Sendable {
    public var environment: String
    public var rule: String
    public var resourceType: String
    public var resourceId: String
    public var compliance: String
    public var annotation: String?
    public var recordedAt: Date

    public init(environment: String, rule: String, resourceType: String, resourceId: String, compliance: String, annotation: String? = nil, recordedAt: Date) {
        self.environment = environment
        self.rule = rule
        self.resourceType = resourceType
        self.resourceId = resourceId
        self.compliance = compliance
        self.annotation = annotation
        self.recordedAt = recordedAt
    }
}
