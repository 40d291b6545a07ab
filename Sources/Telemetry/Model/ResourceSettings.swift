import FoundationEssentials
import AWSCore

/// What one resource of one environment is configured with, as the settings section read it for the Parity and
/// Posture views: each setting with the call it came from. No secret value is ever held (parameter values are digests,
/// environment variables names only).
public struct ResourceSettings: Codable, Equatable, Sendable {
    public var environment: String
    public var kind: Kind
    /// The resource's own name in its account (stack, function, table, bucket, parameter path, log group, key, group id).
    public var name: String
    public var settings: [Setting]
    /// Why the resource could not be read at all (its list or its first call failed).
    public var failure: SectionFailure?

    public init(environment: String, kind: Kind, name: String, settings: [Setting] = [], failure: SectionFailure? = nil) {
        self.environment = environment
        self.kind = kind
        self.name = name
        self.settings = settings
        self.failure = failure
    }

    /// The kinds of resource compared across environments.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case stack, function, table, bucket, parameter, logGroup = "log group", key = "KMS key", securityGroup = "security group", alarm
    }

    /// One named setting: its value as text, the IAM action that read it, whether environments are compared on it,
    /// and, when its call failed, why.
    public struct Setting: Codable, Equatable, Sendable {
        public var name: String
        public var value: String
        public var call: String
        /// Whether a difference between environments counts (false for what always differs, such as last-modified times).
        public var compared: Bool
        /// What environments are compared on when it is not the value itself (a stack's CREATE_COMPLETE and
        /// UPDATE_COMPLETE are both "complete").
        public var basis: String?
        public var failure: SectionFailure?

        public init(_ name: String, _ value: String, call: String, compared: Bool = true, basis: String? = nil, failure: SectionFailure? = nil) {
            self.name = name
            self.value = value
            self.call = call
            self.compared = compared
            self.basis = basis
            self.failure = failure
        }

        /// The setting as its failed call left it: no value, the call's cause.
        public static func failed(_ name: String, call: String, _ error: any Error) -> Setting {
            let failure = SectionFailure(error)
            return Setting(name, "unavailable: \(failure.summary)", call: call, failure: failure)
        }
    }

    /// The entry saying a kind's list could not be read in an environment, so its resources are unknown there, not missing.
    public static func listing(_ kind: Kind, environment: String, _ error: any Error) -> ResourceSettings {
        ResourceSettings(environment: environment, kind: kind, name: listingName, failure: SectionFailure(error))
    }

    static let listingName = "*"

    /// Whether this entry stands for a failed list rather than a resource.
    public var isListing: Bool { name == Self.listingName }

    /// The setting called `name`, if read.
    public func setting(_ name: String) -> Setting? { settings.first { $0.name == name } }
}
