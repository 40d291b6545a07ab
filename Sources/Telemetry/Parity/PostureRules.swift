import FoundationEssentials

/// The platform's rules, checked on what the settings section read, whatever AWS Config the organisation runs:
/// buckets versioned, encrypted, SSL-only, public access blocked and moving to Glacier; log retention; key rotation;
/// no ingress from anywhere; function settings under a customer key; point-in-time recovery where required.
public struct PostureRules: Sendable {
    public var config: PostureConfig

    public init(_ config: PostureConfig) { self.config = config }

    /// One rule: its id, what it says, the kind it applies to, the setting it reads, the environments it covers
    /// (nil: all) and the test of that setting's value.
    public struct Rule: Sendable {
        public var id: String
        public var title: String
        var kind: ResourceSettings.Kind
        var setting: String
        var environments: [String]?
        var test: @Sendable (String) -> Bool
    }

    /// The rules in the order the Posture view lists them, with this configuration's thresholds.
    public var rules: [Rule] {
        let retention = config.logRetentionDays
        let glacier = config.glacierAfterDays
        return [
            Rule(id: "bucket-versioned", title: "bucket versioned", kind: .bucket, setting: "Versioning") { $0 == "Enabled" },
            Rule(id: "bucket-encrypted", title: "bucket encrypted", kind: .bucket, setting: "Default encryption") { $0 != "none" },
            Rule(id: "bucket-ssl-only", title: "bucket SSL-only policy", kind: .bucket, setting: "Policy denies") { $0.contains("non-SSL requests") },
            Rule(id: "bucket-public-access-blocked", title: "bucket public access blocked", kind: .bucket, setting: "Public access block") { $0 == "all blocked" },
            Rule(id: "bucket-glacier", title: "Glacier within \(glacier) days", kind: .bucket, setting: "Lifecycle") { value in
                Self.glacierDays(value).map { $0 <= glacier } ?? false
            },
            Rule(id: "log-retention", title: "log retention ≥ \(retention) days", kind: .logGroup, setting: "Retention") { value in
                Int(value.split(separator: " ").first ?? "").map { $0 >= retention } ?? false
            },
            Rule(id: "key-rotation", title: "KMS key rotation on", kind: .key, setting: "Rotation") { $0 == "enabled" },
            Rule(id: "no-open-ingress", title: "no 0.0.0.0/0 or ::/0 ingress", kind: .securityGroup, setting: "Open ingress") { $0 == "none" },
            Rule(id: "function-customer-key", title: "function customer key", kind: .function, setting: "KMS key",
                 environments: config.customerKeyEnvironments) { $0.hasPrefix("customer key") },
            Rule(id: "table-pitr", title: "table PITR on", kind: .table, setting: "PITR", environments: config.pitrEnvironments) { $0 == "ENABLED" },
        ].filter { !config.skip.contains($0.id) }
    }

    /// Every rule on every resource of its kind in the environments it covers.
    public func check(_ settings: [ResourceSettings], environments: [EnvironmentConfig]) -> [PostureCheck] {
        let order = environments.map(\.name)
        let sorted = settings.filter { !$0.isListing }.sorted { (order.firstIndex(of: $0.environment) ?? .max) < (order.firstIndex(of: $1.environment) ?? .max) }
        var checks: [PostureCheck] = []
        for rule in rules {
            for resource in sorted where resource.kind == rule.kind && (rule.environments?.contains(resource.environment) ?? true) {
                let check = { (passed: Bool?, evidence: String, call: String) in
                    PostureCheck(rule: rule.id, title: rule.title, environment: resource.environment, kind: resource.kind, resource: resource.name, passed: passed, evidence: evidence, call: call)
                }
                if let failure = resource.failure {
                    checks.append(check(nil, "unavailable: \(failure.summary)", failure.call))
                } else if let setting = resource.setting(rule.setting) {
                    checks.append(check(setting.failure == nil ? rule.test(setting.value) : nil, "\(setting.name): \(setting.value)", setting.call))
                } else {
                    checks.append(check(false, "\(rule.setting): not set", resource.kind.listCall))
                }
            }
        }
        return checks
    }

    /// The fewest days after which a lifecycle rule moves objects to a Glacier class ("… GLACIER after 90 days …"),
    /// read word by word: a Regex here would map Swift's regex engine into every session for one setting.
    static func glacierDays(_ lifecycle: String) -> Int? {
        let words = lifecycle.split { $0 == " " || $0 == "," || $0 == ";" }
        return words.indices.dropLast(3).compactMap { i -> Int? in
            guard glacierClasses.contains(words[i]), words[i + 1] == "after", words[i + 3] == "days" else { return nil }
            return Int(words[i + 2])
        }.min()
    }

    /// The storage classes that count as Glacier.
    private static let glacierClasses: Set<Substring> = ["GLACIER", "GLACIER_IR", "DEEP_ARCHIVE"]
}
