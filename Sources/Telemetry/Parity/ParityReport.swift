import FoundationEssentials

/// The Parity and Posture views of the settings every environment's settings section read: what differs between
/// environments (`differences`) and how each environment stands against the platform's rules (`checks`). Built by the
/// poller from each snapshot, so replays and `snapshot --format json` carry it too.
public struct ParityReport: Codable, Equatable, Sendable {
    /// The environments compared, in configuration order.
    public var environments: [String]
    /// Logical resources seen in at least one environment.
    public var resourcesCompared: Int
    public var differences: [ParityDifference]
    public var checks: [PostureCheck]

    public init(environments: [String] = [], resourcesCompared: Int = 0, differences: [ParityDifference] = [], checks: [PostureCheck] = []) {
        self.environments = environments
        self.resourcesCompared = resourcesCompared
        self.differences = differences
        self.checks = checks
    }

    /// Compares `settings` (and which resources `alarms` watch) across `environments` under `config`.
    public static func compare(_ settings: [ResourceSettings], alarms: [AlarmSummary], environments: [EnvironmentConfig], config: ParityConfig) -> ParityReport {
        let naming = ParityNaming(config)
        let byName = Dictionary(environments.map { ($0.name, $0) }) { first, _ in first }
        let compared = environments.map(\.name).filter { name in settings.contains { $0.environment == name } }
        var all = settings
        // Alarms: a resource alarmed in one environment and not in another.
        all += alarms.filter { compared.contains($0.environment) }.map { ResourceSettings(environment: $0.environment, kind: .alarm, name: $0.name) }
        struct Key: Hashable { var kind: ResourceSettings.Kind; var logical: String }
        var groups: [Key: [String: ResourceSettings]] = [:]
        var order: [Key] = []
        for resource in all where !resource.isListing {
            let key = Key(kind: resource.kind, logical: naming.logical(resource.name, environment: resource.environment))
            if groups[key] == nil { order.append(key) }
            groups[key, default: [:]][resource.environment] = resource
        }
        // An environment takes part for a kind when it has any resource of that kind, or its list of them failed.
        var kinds: [ResourceSettings.Kind: Set<String>] = [:]
        var listFailures: [String: SectionFailure] = [:]
        for resource in all {
            kinds[resource.kind, default: []].insert(resource.environment)
            if resource.isListing, let failure = resource.failure { listFailures["\(resource.environment) \(resource.kind.rawValue)"] = failure }
        }
        var differences: [ParityDifference] = []
        for key in order {
            let members = groups[key]!
            let present = compared.filter { kinds[key.kind]?.contains($0) == true }
            guard present.count > 1 else { continue }
            let listFailure = { (env: String) in listFailures["\(env) \(key.kind.rawValue)"] }
            if present.contains(where: { members[$0] == nil }) {
                let sides = present.map { env -> ParityDifference.Side in
                    if let resource = members[env] { return .init(environment: env, name: resource.name, value: "yes", call: key.kind.listCall) }
                    if let failure = listFailure(env) { return .init(environment: env, name: nil, value: "unavailable: \(failure.summary)", call: failure.call, failure: failure) }
                    return .init(environment: env, name: nil, value: "missing", call: key.kind.listCall)
                }
                differences.append(ParityDifference(kind: key.kind, resource: key.logical, setting: ParityDifference.exists, sides: sides))
            }
            let holders = present.filter { members[$0] != nil }
            guard holders.count > 1 else { continue }
            var names: [String] = []
            for env in holders { for setting in members[env]!.settings where setting.compared && !names.contains(setting.name) { names.append(setting.name) } }
            for env in holders where members[env]!.failure != nil {
                let failure = members[env]!.failure!
                differences.append(ParityDifference(kind: key.kind, resource: key.logical, setting: "settings", sides: holders.map { other in
                    let resource = members[other]!
                    return .init(environment: other, name: resource.name, value: resource.failure.map { "unavailable: \($0.summary)" } ?? "read", call: failure.call, failure: resource.failure)
                }))
                break
            }
            for name in names {
                let sides = holders.map { env -> ParityDifference.Side in
                    let resource = members[env]!
                    guard let setting = resource.setting(name) else { return .init(environment: env, name: resource.name, value: "(none)", call: "") }
                    return .init(environment: env, name: resource.name, value: setting.value, call: setting.call, failure: setting.failure, basis: setting.basis)
                }
                let values = Set(sides.map { side in byName[side.environment].map { ParityNaming.normalized(side.basis ?? side.value, environment: $0) } ?? side.value })
                guard values.count > 1 || sides.contains(where: { $0.failure != nil }) else { continue }
                differences.append(ParityDifference(kind: key.kind, resource: key.logical, setting: name, sides: sides))
            }
        }
        for index in differences.indices { differences[index].classify(by: config.expected) }
        let checks = PostureRules(config.posture).check(settings, environments: environments)
        return ParityReport(environments: compared, resourcesCompared: order.count, differences: differences, checks: checks)
    }

    /// The differences no rule expects.
    public var unexpected: [ParityDifference] { differences.filter { $0.expected == nil } }
}

extension ParityDifference {
    /// Marks the difference expected when a declared rule covers it: its setting, its resource and, when the rule
    /// names values, every environment holding its value.
    mutating func classify(by rules: [ExpectedDifference]) {
        guard !unreadable else { return }
        for rule in rules where rule.setting.lowercased() == setting.lowercased() && (rule.resources.map { Self.glob($0, matches: resource) } ?? true) {
            guard let values = rule.values else {
                expected = rule.text
                return
            }
            let off = sides.filter { side in
                guard let want = values[side.environment] ?? values["*"] else { return false }
                return side.value.lowercased() != want.lowercased()
            }
            if off.isEmpty {
                expected = rule.text
                return
            }
            unmet = "\(rule.text), but " + off.map { "\($0.environment) is \($0.value)" }.joined(separator: ", ")
        }
    }

    /// Whether `pattern` (`*` for any run of characters) matches the whole of `name`, case-insensitively.
    static func glob(_ pattern: String, matches name: String) -> Bool {
        let parts = pattern.lowercased().components(separatedBy: "*")
        var rest = Substring(name.lowercased())
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() {
            guard let range = rest.firstRange(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return parts.count == 1 ? rest.isEmpty : rest.hasSuffix(parts.last!)
    }
}

extension ResourceSettings.Kind {
    /// The call that lists resources of this kind, named on a side that is missing.
    public var listCall: String {
        switch self {
        case .stack: "cloudformation:DescribeStacks"
        case .function: "lambda:GetFunctionConfiguration"
        case .table: "dynamodb:DescribeTable"
        case .bucket: "s3:GetBucketVersioning"
        case .parameter: "ssm:GetParametersByPath"
        case .logGroup: "logs:DescribeLogGroups"
        case .key: "kms:GetKeyRotationStatus"
        case .securityGroup: "ec2:DescribeSecurityGroups"
        case .alarm: "cloudwatch:DescribeAlarms"
        }
    }
}
