import FoundationEssentials

/// One platform rule checked on one resource of one environment, with the evidence and the call it came from.
public struct PostureCheck: Codable, Equatable, Sendable {
    /// The rule's id (`bucket-ssl-only`), as `[posture] skip` names it.
    public var rule: String
    /// What the rule requires, with its threshold ("log retention at least 90 days").
    public var title: String
    public var environment: String
    public var kind: ResourceSettings.Kind
    public var resource: String
    /// Passed, failed, or unknown (nil) when the setting it rests on could not be read.
    public var passed: Bool?
    public var evidence: String
    public var call: String

    public init(rule: String, title: String, environment: String, kind: ResourceSettings.Kind, resource: String, passed: Bool?, evidence: String, call: String) {
        self.rule = rule
        self.title = title
        self.environment = environment
        self.kind = kind
        self.resource = resource
        self.passed = passed
        self.evidence = evidence
        self.call = call
    }
}
