import FoundationEssentials

/// One way a logical resource differs between environments: the setting, and each environment's side of it.
public struct ParityDifference: Codable, Equatable, Sendable {
    public var kind: ResourceSettings.Kind
    /// The name the resource is compared under (`ParityNaming`).
    public var resource: String
    /// The setting that differs; `exists` when the resource is missing in some environment.
    public var setting: String
    /// One side per compared environment, in configuration order.
    public var sides: [Side]
    /// The declared rule this difference matches, when it is expected.
    public var expected: String?
    /// Why a declared rule does not cover it although it names the setting ("prod is DISABLED").
    public var unmet: String?

    /// The setting name for a resource that exists in some environments only.
    public static let exists = "exists"

    /// One environment's side: the resource's own name there (nil when missing), the value as read, the call it came
    /// from, and the cause when that call failed.
    public struct Side: Codable, Equatable, Sendable {
        public var environment: String
        public var name: String?
        public var value: String
        public var call: String
        public var failure: SectionFailure?
        /// What the side is compared on, when not its value (`Setting.basis`).
        public var basis: String?

        public init(environment: String, name: String?, value: String, call: String, failure: SectionFailure? = nil, basis: String? = nil) {
            self.environment = environment
            self.name = name
            self.value = value
            self.call = call
            self.failure = failure
            self.basis = basis
        }
    }

    /// Whether a side could not be read: the row says so instead of claiming a difference.
    public var unreadable: Bool { sides.contains { $0.failure != nil } }

    /// The side of `environment`, if compared.
    public func side(_ environment: String) -> Side? { sides.first { $0.environment == environment } }

    /// "1024 MB in staging; 512 MB in dev, prod": the values grouped, for lines that cannot hold a column each.
    public var grouped: String { Self.grouped(sides.map { ($0.environment, $0.value) }) }

    /// Environments' values grouped by value, in the order the values first appear.
    public static func grouped(_ sides: [(environment: String, value: String)]) -> String {
        var order: [String] = []
        var environments: [String: [String]] = [:]
        for side in sides {
            if environments[side.value] == nil { order.append(side.value) }
            environments[side.value, default: []].append(side.environment)
        }
        return order.map { "\($0) in \(environments[$0]!.joined(separator: ", "))" }.joined(separator: "; ")
    }
}
