/// The AWS resource behind a row, so the console can copy its ARN, name or an AWS CLI command and show its console page.
public struct ResourceRef: Sendable, Equatable {
    /// What kind of resource.
    public enum Kind: String, Sendable {
        case stack, stackSet = "stack set", function, table, bucket, alarm, configRule = "config rule"
    }

    public var kind: Kind
    public var name: String
    public var environment: String

    public init(_ kind: Kind, _ name: String, environment: String) {
        self.kind = kind
        self.name = name
        self.environment = environment
    }
}
