import Telemetry
import AWSCore

/// Maps AWS status strings to the roles they are drawn in.
public enum Severity {
    /// A CloudFormation stack or StackSet instance status.
    public static func stackStatus(_ status: String) -> StyleRole {
        if TextSearch.contains(status, "FAILED") || TextSearch.contains(status, "ROLLBACK") || status == "INOPERABLE" { return .critical }
        if status.hasSuffix("IN_PROGRESS") || status == "OUTDATED" { return .warn }
        if status.hasSuffix("COMPLETE") || status == "CURRENT" { return .ok }
        return .text
    }

    /// A Config compliance type.
    public static func compliance(_ compliance: String) -> StyleRole {
        switch compliance {
        case "NON_COMPLIANT": return .critical
        case "COMPLIANT": return .ok
        default: return .muted
        }
    }

    /// A value against its threshold: critical above, warn above 80% of it.
    public static func against(_ value: Double, threshold: Double) -> StyleRole {
        if value > threshold { return .critical }
        if value > threshold * 0.8 { return .warn }
        return .ok
    }

    /// An EC2 VPC peering connection status code.
    public static func peeringStatus(_ status: String) -> StyleRole {
        switch status {
        case "active": return .ok
        case "pending-acceptance", "provisioning", "initiating-request": return .warn
        case "failed", "rejected", "expired": return .critical
        default: return .muted
        }
    }
}
