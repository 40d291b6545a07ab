import FoundationEssentials

/// The merged view of ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE).
public struct AWSProfiles: Equatable, Sendable {
    /// Profile name to its settings; credentials-file keys win over config-file keys, as in the CLI.
    public private(set) var profiles: [String: [String: String]] = [:]
    /// `[sso-session NAME]` sections of the config file: IAM Identity Center sessions profiles name with `sso_session`.
    public private(set) var ssoSessions: [String: [String: String]] = [:]

    public init(config: INIFile?, credentials: INIFile?) {
        for (section, keys) in config?.sections ?? [:] {
            if section.hasPrefix("sso-session ") {
                ssoSessions[String(section.dropFirst(12)).trimming(.whitespaces), default: [:]].merge(keys) { _, new in new }
                continue
            }
            let name = section == "default" ? "default" : section.hasPrefix("profile ") ? String(section.dropFirst(8)).trimming(.whitespaces) : nil
            if let name { profiles[name, default: [:]].merge(keys) { _, new in new } }
        }
        for (section, keys) in credentials?.sections ?? [:] {
            profiles[section, default: [:]].merge(keys) { _, new in new }
        }
    }

    /// Reads the files named by the environment (or the defaults under HOME); missing files count as empty.
    public static func load(environment: [String: String]) throws -> AWSProfiles {
        let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        func read(_ variable: String, _ fallback: String) throws -> INIFile? {
            let path = (environment[variable].map { HomePath.expanding($0, home: home) }) ?? "\(home)/.aws/\(fallback)"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
            return try INIFile(parsing: text, file: path)
        }
        return AWSProfiles(config: try read("AWS_CONFIG_FILE", "config"), credentials: try read("AWS_SHARED_CREDENTIALS_FILE", "credentials"))
    }

    /// The profile the environment selects: AWS_PROFILE, else AWS_DEFAULT_PROFILE, else "default".
    public static func selected(_ environment: [String: String]) -> String {
        environment["AWS_PROFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["AWS_DEFAULT_PROFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? "default"
    }

    /// Static keys stored in a profile, if it has both halves.
    public func staticCredentials(_ profile: String) -> Credentials? {
        guard let keys = profiles[profile], let id = keys["aws_access_key_id"], let secret = keys["aws_secret_access_key"] else { return nil }
        return Credentials(accessKeyId: id, secretAccessKey: secret, sessionToken: keys["aws_session_token"])
    }

    /// The region a profile names.
    public func region(_ profile: String) -> String? { profiles[profile]?["region"] }
}
