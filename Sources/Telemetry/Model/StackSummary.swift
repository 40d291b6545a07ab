import FoundationEssentials
import AWSCore

/// A CloudFormation stack or StackSet instance with its status and drift.
public struct StackSummary: Codable, Equatable, Sendable {
    public var environment: String
    public var name: String
    public var status: String
    public var drift: DriftStatus
    public var lastUpdated: Date
    public var isStackSet: Bool
    public var statusReason: String?
    /// The stack's parameters and outputs, as DescribeStacks lists them (for the Parity view).
    public var parameters: [Pair] = []
    public var outputs: [Pair] = []

    /// A parameter's or output's key and value.
    public struct Pair: Codable, Equatable, Sendable {
        public var key: String
        public var value: String
    }

    public init(environment: String, name: String, status: String, drift: DriftStatus, lastUpdated: Date, isStackSet: Bool = false, statusReason: String? = nil) {
        self.environment = environment
        self.name = name
        self.status = status
        self.drift = drift
        self.lastUpdated = lastUpdated
        self.isStackSet = isStackSet
        self.statusReason = statusReason
    }

    /// Identifies the stack (or StackSet instance) across snapshots: "env/name", with "#set" for StackSets.
    public var key: String { "\(environment)/\(name)\(isStackSet ? "#set" : "")" }

    /// CloudFormation's StackDriftStatus values.
    public enum DriftStatus: String, Codable, Sendable {
        case inSync = "IN_SYNC"
        case drifted = "DRIFTED"
        case notChecked = "NOT_CHECKED"
        case unknown = "UNKNOWN"
    }
}

/// The watch list's view of a stack, kept beside the model so the config types stand alone (the recording fuzz target).
extension WatchList {
    /// Whether a stack is shown and searched for resources: its name is watched and it is not deleted.
    public func watches(_ stack: StackSummary) -> Bool {
        watches(stack: stack.name) && stack.status != "DELETE_COMPLETE"
    }
}
