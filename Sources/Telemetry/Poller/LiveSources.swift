import FoundationEssentials
import AWSCore

/// Builds the live exchange source of every configured environment: credential chain (profile or default), then the
/// environment's role if it names one, signed clients over one shared libcurl transport.
public enum LiveSources {
    /// Sources by environment name, a message for each environment whose credentials could not be set up, and the
    /// IAM Identity Center sign-in each environment's credentials rest on (for signing in from the console); calls that
    /// change AWS leave the process only when `allowActions` is set. Every request sent, credential calls included,
    /// is counted in `counter` when one is given.
    public static func make(config: OpsdeckConfig, environment: [String: String], transport shared: any HTTPTransport, allowActions: Bool = false,
                            counter: CallCounter? = nil) -> (sources: [String: any ExchangeSource], errors: [String: String], signIns: [String: SSOConfig]) {
        let transport: any HTTPTransport = counter.map { CountedTransport(shared, counter: $0) } ?? shared
        var sources: [String: any ExchangeSource] = [:]
        var errors: [String: String] = [:]
        var signIns: [String: SSOConfig] = [:]
        let profiles: AWSProfiles
        do {
            profiles = try AWSProfiles.load(environment: environment)
        } catch {
            for env in config.environments { errors[env.name] = "\(error)" }
            return (sources, errors, signIns)
        }
        let chain = CredentialChain(environment: environment, profiles: profiles, processTimeout: config.credentialProcessTimeout)
        let quota = RetryQuota()
        let skew = ClockSkew()
        for env in config.environments {
            signIns[env.name] = chain.signIn(profile: env.profile)
            let endpoints = EndpointResolver(environment: environment, configured: env.endpointURL)
            do {
                var credentials = try chain.provider(profile: env.profile, region: env.region, transport: transport, endpoints: endpoints)
                if let role = env.roleArn {
                    credentials = RoleCredentials.assumeRole(role, externalId: env.externalId, sessionName: "opsdeck-\(env.name)", source: credentials, region: env.region, transport: transport, endpoints: endpoints)
                }
                var client = AWSClient(region: env.region, credentials: credentials, transport: transport, endpoints: endpoints, retry: RetryPolicy(quota: quota), skew: skew)
                client.allowsActions = allowActions
                sources[env.name] = client
            } catch {
                errors[env.name] = "credentials: \(error)"
            }
        }
        return (sources, errors, signIns)
    }
}
