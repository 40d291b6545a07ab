import FoundationEssentials
import AWSCore

/// Adds the organization's active accounts that config.toml does not already name, each reached through the
/// discovery role and watched with the shared `[watch]` list.
public enum AccountDiscovery {
    /// The configured environments followed by the discovered ones.
    public static func expand(_ config: OpsdeckConfig, environment: [String: String], transport: any HTTPTransport) async throws -> OpsdeckConfig {
        guard let discovery = config.discovery else { return config }
        let endpoints = EndpointResolver(environment: environment, configured: discovery.endpointURL)
        let chain = CredentialChain(environment: environment, profiles: try AWSProfiles.load(environment: environment), processTimeout: config.credentialProcessTimeout)
        let credentials = try chain.provider(profile: discovery.profile, region: "us-east-1", transport: transport, endpoints: endpoints)
        let client = AWSClient(region: "us-east-1", credentials: credentials, transport: transport, endpoints: endpoints)
        let accounts: [OrganizationsClient.Account]
        do {
            accounts = try await OrganizationsClient(client).accounts()
        } catch {
            throw ConfigError("account discovery (Organizations ListAccounts): \(error)")
        }
        var expanded = config
        var names = Set(config.environments.map(\.name))
        let known = Set(config.environments.map(\.accountId))
        for account in accounts.sorted(by: { $0.name < $1.name }) where account.status == "ACTIVE" && !known.contains(account.id)
            && account.id.count == 12 && account.id.allSatisfy(\.isASCII) && account.id.allSatisfy(\.isNumber) {
            var name = slug(account.name)
            if names.contains(name) { name += "-\(account.id.suffix(4))" }
            names.insert(name)
            expanded.environments.append(EnvironmentConfig(
                name: name, accountId: account.id, region: discovery.region, roleArn: "arn:aws:iam::\(account.id):role/\(discovery.roleName)",
                externalId: discovery.externalId, profile: discovery.profile, endpointURL: discovery.endpointURL, watch: config.sharedWatch))
        }
        return expanded
    }

    /// An account name as an environment name: ASCII lower case, runs of other characters as "-", at most 34
    /// characters (room for the "-NNNN" that tells two alike apart); "account" when nothing is left.
    static func slug(_ name: String) -> String {
        let lowered = name.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
        let slug = String(String(lowered).split(separator: "-").joined(separator: "-").prefix(34))
        return slug.isEmpty ? "account" : slug
    }
}
