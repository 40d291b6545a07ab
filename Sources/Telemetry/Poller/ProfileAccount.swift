import FoundationEssentials
import AWSCore

/// What `opsdeck --profile NAME` watches without a config.toml: the profile's own account in its region, with every
/// stack and the resources discovery finds, as k9s shows the cluster its context points at.
public enum ProfileAccount {
    /// The one-environment config for `profile`, its account read with GetCallerIdentity; `region` is `--region`.
    public static func settings(profile: String, region flag: String?, environment: [String: String], transport: any HTTPTransport) async throws -> OpsdeckConfig {
        let profiles = try AWSProfiles.load(environment: environment)
        guard profiles.profiles[profile] != nil || profile == "default" else {
            throw ConfigError("profile '\(profile)' is not in ~/.aws/config or ~/.aws/credentials (aws configure list-profiles lists them; aws configure sso adds one)")
        }
        // The CLI's order: --region, AWS_REGION, AWS_DEFAULT_REGION, then the profile's own region.
        guard let region = [flag, environment["AWS_REGION"], environment["AWS_DEFAULT_REGION"], profiles.region(profile)].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw ConfigError("profile '\(profile)' names no region: pass --region REGION or run aws configure set region REGION --profile \(profile)")
        }
        guard EnvironmentConfig.isValidRegion(region) else { throw ConfigError("region '\(region.visible)' is not a region name") }
        let endpoints = EndpointResolver(environment: environment)
        let credentials = try CredentialChain(environment: environment, profiles: profiles).provider(profile: profile, region: region, transport: transport, endpoints: endpoints)
        let identity: (account: String, arn: String)
        do {
            identity = try await STSClient(AWSClient(region: region, credentials: credentials, transport: transport, endpoints: endpoints)).callerIdentity()
        } catch {
            throw ConfigError("profile '\(profile)': sts GetCallerIdentity failed: \(error)")
        }
        let name = EnvironmentConfig.isValidName(profile) ? profile : AccountDiscovery.slug(profile)
        return OpsdeckConfig(environments: [EnvironmentConfig(name: name, accountId: identity.account, region: region, profile: profile, watch: .discovering)])
    }
}
