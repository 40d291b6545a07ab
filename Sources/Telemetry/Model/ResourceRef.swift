/// The AWS resource behind a row, so the console can copy its ARN, name or an AWS CLI command and show its console page.
public struct ResourceRef: Sendable, Equatable {
    /// What kind of resource.
    public enum Kind: String, Sendable {
        case stack, stackSet = "stack set", function, table, bucket, alarm, configRule = "config rule"
        /// A destination port in an environment's VPC flow logs, named "22/tcp".
        case port = "flow-log port"
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

extension ResourceRef {
    /// Whether `alarm` watches this resource: its first dimension names it (a flow-log port's alarm names the port number).
    public func isWatched(by alarm: AlarmSummary) -> Bool {
        guard alarm.environment == environment, let watched = alarm.resource else { return false }
        return watched == name || (kind == .port && name.hasPrefix("\(watched)/"))
    }
}
