import AWSCore

/// `[parity]` and `[posture]` in config.toml: how resources are matched across environments, which differences are
/// expected, where each environment's parameters live, and the thresholds of the posture rules.
public struct ParityConfig: Codable, Sendable, Equatable {
    /// Whether the settings section runs at all (`collect = false`: no calls, and the views say they are off).
    public var collect = true
    /// Name patterns with `{env}` and `{name}` ("{name}-{env}"), tried in order before the default: the
    /// environment's name removed where it stands as a word of the name.
    public var patterns: [String] = []
    /// Resources named differently in one environment: "ENV:NAME" to the name they are compared under.
    public var renames: [String: String] = [:]
    /// The SSM Parameter Store hierarchy of each environment, `{env}` standing for its name.
    public var parameterPaths: [String] = ["/app/{env}/"]
    /// Differences declared expected: shown dimmed, so the unexpected stand out.
    public var expected: [ExpectedDifference] = []
    public var posture = PostureConfig()

    public init() {}

    /// Reads a recording's copy; a setting it lacks (written by an older opsdeck) keeps its default.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        collect = try values.decodeIfPresent(Bool.self, forKey: .collect) ?? true
        patterns = try values.decodeIfPresent([String].self, forKey: .patterns) ?? []
        renames = try values.decodeIfPresent([String: String].self, forKey: .renames) ?? [:]
        parameterPaths = try values.decodeIfPresent([String].self, forKey: .parameterPaths) ?? ["/app/{env}/"]
        expected = try values.decodeIfPresent([ExpectedDifference].self, forKey: .expected) ?? []
        posture = try values.decodeIfPresent(PostureConfig.self, forKey: .posture) ?? PostureConfig()
    }

    /// No settings read: for an account whose settings nobody compares, and for tests about other sections.
    public static var off: ParityConfig {
        var config = ParityConfig()
        config.collect = false
        return config
    }

    /// The platform's defaults: PITR in prod only, and the CSV function's memory and capacity free to differ.
    public static var platformDefaults: ParityConfig {
        var config = ParityConfig()
        config.expected = [ExpectedDifference(setting: "PITR", values: ["prod": "ENABLED", "*": "DISABLED"])]
        return config
    }
}

/// One declared difference: the setting (case-insensitive; "exists" for a resource missing somewhere), the logical
/// resource names it covers (a glob; nil for all), and what each environment should hold ("*" for the others), or
/// nil when the setting may simply differ.
public struct ExpectedDifference: Codable, Sendable, Equatable {
    public var setting: String
    public var resources: String?
    public var values: [String: String]?

    public init(setting: String, resources: String? = nil, values: [String: String]? = nil) {
        self.setting = setting
        self.resources = resources
        self.values = values
    }

    /// The rule as a row shows it: "PITR: prod ENABLED, others DISABLED", or "Memory may differ".
    public var text: String {
        guard let values else { return "\(setting) may differ" }
        let named = values.keys.filter { $0 != "*" }.sorted().map { "\($0) \(values[$0]!)" }
        return "\(setting): " + (named + (values["*"].map { ["others \($0)"] } ?? [])).joined(separator: ", ")
    }
}

/// The posture rules' thresholds, and the rules turned off (`skip`, by id).
public struct PostureConfig: Codable, Sendable, Equatable {
    /// Log groups keep events at least this many days.
    public var logRetentionDays = 90
    /// Buckets move objects to Glacier within this many days.
    public var glacierAfterDays = 90
    /// Environments whose functions must encrypt their settings with a customer key; nil for all.
    public var customerKeyEnvironments: [String]?
    /// Environments whose tables must have point-in-time recovery.
    public var pitrEnvironments = ["prod"]
    /// Rule ids not checked.
    public var skip: [String] = []

    public init() {}

    /// Reads a recording's copy; a threshold it lacks keeps its default.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        logRetentionDays = try values.decodeIfPresent(Int.self, forKey: .logRetentionDays) ?? 90
        glacierAfterDays = try values.decodeIfPresent(Int.self, forKey: .glacierAfterDays) ?? 90
        customerKeyEnvironments = try values.decodeIfPresent([String].self, forKey: .customerKeyEnvironments)
        pitrEnvironments = try values.decodeIfPresent([String].self, forKey: .pitrEnvironments) ?? ["prod"]
        skip = try values.decodeIfPresent([String].self, forKey: .skip) ?? []
    }
}
