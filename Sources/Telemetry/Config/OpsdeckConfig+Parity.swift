import AWSCore
import FoundationEssentials

extension OpsdeckConfig {
    /// Reads `[parity]` (patterns, renames, parameter_paths, [[parity.expected]]) and `[posture]` over the platform's defaults.
    static func parity(_ value: TOMLValue?, posture: TOMLValue?) throws -> ParityConfig {
        var config = ParityConfig.platformDefaults
        let table = try value.map { value -> [String: TOMLValue] in
            guard let table = value.table else { throw ConfigError("parity must be a table", key: ["parity"]) }
            return table
        } ?? [:]
        let known: Set<String> = ["collect", "patterns", "renames", "parameter_paths", "expected"]
        if let unknown = table.keys.sorted().first(where: { !known.contains($0) }) { throw ConfigError("parity: unknown setting '\(unknown)'", key: ["parity", unknown]) }
        if let collect = table["collect"] {
            guard let flag = collect.boolean else { throw ConfigError("parity.collect must be true or false", key: ["parity", "collect"]) }
            config.collect = flag
        }
        if let patterns = try strings(table, "patterns", path: ["parity"]) {
            if let bad = patterns.first(where: { $0.components(separatedBy: "{name}").count != 2 || !$0.contains("{env}") }) {
                throw ConfigError("parity.patterns: '\(bad)' needs one {name} and one {env}, e.g. \"{name}-{env}\"", key: ["parity", "patterns"])
            }
            config.patterns = patterns
        }
        if let renames = table["renames"] {
            guard let pairs = renames.table, pairs.allSatisfy({ $0.key.contains(":") && $0.value.string != nil }) else {
                throw ConfigError("parity.renames must be an inline table of \"ENV:NAME\" = \"compared name\"", key: ["parity", "renames"])
            }
            config.renames = pairs.mapValues { $0.string! }
        }
        if let paths = try strings(table, "parameter_paths", path: ["parity"]) { config.parameterPaths = paths }
        if let expected = table["expected"] {
            guard let items = expected.array?.map(\.table), items.allSatisfy({ $0 != nil }) else {
                throw ConfigError("parity.expected must be [[parity.expected]] tables", key: ["parity", "expected"])
            }
            config.expected = try items.map { item in
                let item = item!
                guard let setting = item["setting"]?.string, !setting.isEmpty else { throw ConfigError("parity.expected: every entry needs setting = \"…\"", key: ["parity", "expected"]) }
                if let unknown = item.keys.sorted().first(where: { !["setting", "resources", "values"].contains($0) }) {
                    throw ConfigError("parity.expected: unknown setting '\(unknown)'", key: ["parity", "expected"])
                }
                let values = try item["values"].map { value -> [String: String] in
                    guard let pairs = value.table, pairs.values.allSatisfy({ $0.string != nil }) else {
                        throw ConfigError("parity.expected.values must be an inline table such as { prod = \"ENABLED\", \"*\" = \"DISABLED\" }", key: ["parity", "expected"])
                    }
                    return pairs.mapValues { $0.string! }
                }
                return ExpectedDifference(setting: setting, resources: item["resources"]?.string, values: values)
            }
        }
        guard let posture else { return config }
        guard let rules = posture.table else { throw ConfigError("posture must be a table", key: ["posture"]) }
        let postureKeys: Set<String> = ["log_retention_days", "glacier_after_days", "customer_key_environments", "pitr_environments", "skip"]
        if let unknown = rules.keys.sorted().first(where: { !postureKeys.contains($0) }) { throw ConfigError("posture: unknown setting '\(unknown)'", key: ["posture", unknown]) }
        for (key, path) in [("log_retention_days", \PostureConfig.logRetentionDays), ("glacier_after_days", \PostureConfig.glacierAfterDays)] {
            guard let value = rules[key] else { continue }
            guard let days = value.integer, (1...3653).contains(days) else { throw ConfigError("posture.\(key) must be a whole number of days from 1 to 3653", key: ["posture", key]) }
            config.posture[keyPath: path] = days
        }
        if let value = try strings(rules, "customer_key_environments", path: ["posture"]) { config.posture.customerKeyEnvironments = value }
        if let value = try strings(rules, "pitr_environments", path: ["posture"]) { config.posture.pitrEnvironments = value }
        if let value = try strings(rules, "skip", path: ["posture"]) {
            let ids = PostureRules(PostureConfig()).rules.map(\.id)
            if let bad = value.first(where: { !ids.contains($0) }) { throw ConfigError("posture.skip: unknown rule '\(bad)' (rules: \(ids.joined(separator: ", ")))", key: ["posture", "skip"]) }
            config.posture.skip = value
        }
        return config
    }

    /// The list of strings at `field` of `table`, nil when absent.
    private static func strings(_ table: [String: TOMLValue], _ field: String, path: [String]) throws -> [String]? {
        guard let value = table[field] else { return nil }
        guard let items = value.array?.map(\.string), items.allSatisfy({ $0 != nil }) else {
            throw ConfigError("\(path.joined(separator: ".")).\(field) must be a list of strings", key: path + [field])
        }
        return items.map { $0! }
    }
}
