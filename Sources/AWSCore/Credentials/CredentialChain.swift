import FoundationEssentials

/// Finds credentials the way the AWS CLI does: environment variables; the selected profile's role (role_arn with
/// source_profile or credential_source, external_id), web identity, IAM Identity Center (sso_session or the legacy
/// sso_start_url), static keys or credential_process; then AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN; then
/// container credentials.
public struct CredentialChain: Sendable {
    public var environment: [String: String]
    public var profiles: AWSProfiles
    /// How long a credential_process may take before it is stopped.
    public var processTimeout: Double
    /// One token provider per IAM Identity Center sign-in, shared by every profile and account that uses it.
    let signIns = SignIns()

    public init(environment: [String: String], profiles: AWSProfiles, processTimeout: Double = 60) {
        self.environment = environment
        self.profiles = profiles
        self.processTimeout = processTimeout
    }

    /// Credentials available without any network call, and where they came from.
    public func resolve(profile: String? = nil) async throws -> (credentials: Credentials, source: String) {
        if profile == nil, let credentials = EnvironmentCredentials.read(environment) {
            return (credentials, "environment")
        }
        let name = profile ?? AWSProfiles.selected(environment)
        guard let settings = profiles.profiles[name] else {
            throw CredentialError("no credentials: AWS_ACCESS_KEY_ID is not set and profile '\(name)' is not in ~/.aws/config or ~/.aws/credentials")
        }
        if let credentials = profiles.staticCredentials(name) {
            return (credentials, "profile \(name)")
        }
        if let command = settings["credential_process"] {
            return (try await CredentialProcess.run(command, environment: environment, timeout: processTimeout), "profile \(name) credential_process")
        }
        throw CredentialError("profile '\(name)' has no aws_access_key_id/aws_secret_access_key or credential_process")
    }

    /// The IAM Identity Center sign-in `profile`'s credentials rest on, directly or through role_arn and
    /// source_profile; nil when they rest on none (keys, environment variables, a process).
    public func signIn(profile: String? = nil) -> SSOConfig? {
        if profile == nil, EnvironmentCredentials.read(environment) != nil { return nil }
        var name = profile ?? AWSProfiles.selected(environment)
        var seen: Set<String> = []
        while seen.insert(name).inserted, let settings = profiles.profiles[name] {
            guard settings["role_arn"] != nil else { return try? SSOConfig.resolve(profile: name, in: profiles) }
            guard let next = settings["source_profile"] else { return nil }
            name = next
        }
        return nil
    }

    /// A provider for `profile` (default: the one the environment selects) that may call STS or a container endpoint.
    public func provider(profile: String? = nil, region: String, transport: any HTTPTransport, endpoints: EndpointResolver) throws -> any CredentialProvider {
        try provider(profile: profile, region: region, transport: transport, endpoints: endpoints, visited: [])
    }

    private func provider(profile: String?, region: String, transport: any HTTPTransport, endpoints: EndpointResolver, visited: Set<String>) throws -> any CredentialProvider {
        if profile == nil, let credentials = EnvironmentCredentials.read(environment) {
            return StaticCredentialProvider(credentials, origin: "env")
        }
        let name = profile ?? AWSProfiles.selected(environment)
        if let settings = profiles.profiles[name] {
            let stsRegion = settings["region"] ?? region
            if let role = settings["role_arn"] {
                guard !visited.contains(name) else { throw CredentialError("profile '\(name)' is part of a source_profile loop") }
                let source: any CredentialProvider
                if let sourceProfile = settings["source_profile"] {
                    source = sourceProfile == name && profiles.staticCredentials(name) != nil
                        ? StaticCredentialProvider(profiles.staticCredentials(name)!, origin: "profile \(name)")
                        : try provider(profile: sourceProfile, region: region, transport: transport, endpoints: endpoints, visited: visited.union([name]))
                } else if let credentialSource = settings["credential_source"] {
                    source = try self.credentialSource(credentialSource, transport: transport)
                } else if let tokenFile = settings["web_identity_token_file"] {
                    return RoleCredentials.webIdentity(role, tokenFile: tokenFile, sessionName: settings["role_session_name"] ?? "opsdeck", region: stsRegion, transport: transport, endpoints: endpoints)
                } else {
                    throw CredentialError("profile '\(name)' has role_arn but no source_profile, credential_source or web_identity_token_file")
                }
                return RoleCredentials.assumeRole(role, externalId: settings["external_id"], sessionName: settings["role_session_name"] ?? "opsdeck", source: source, region: stsRegion, transport: transport, endpoints: endpoints)
            }
            if let sso = try SSOConfig.resolve(profile: name, in: profiles) {
                guard let account = settings["sso_account_id"], let role = settings["sso_role_name"] else {
                    throw CredentialError("profile '\(name)' signs in through \(sso.label) but has no \(settings["sso_account_id"] == nil ? "sso_account_id" : "sso_role_name")")
                }
                let client = SSOClient(region: sso.region, transport: transport, endpoints: endpoints)
                let tokens = signIns.provider(sso, cache: SSOTokenCache(environment: environment), client: client)
                return signIns.roleCredentials("\(sso.cacheKey) \(account) \(role)") { SSOCredentials.provider(tokens, account: account, role: role, client: client) }
            }
            if let keys = profiles.staticCredentials(name) { return StaticCredentialProvider(keys, origin: "profile \(name)") }
            if settings["credential_process"] != nil {
                let chain = self
                return CachingCredentialProvider(origin: "profile \(name) credential_process") { try await chain.resolve(profile: name).credentials }
            }
        }
        if profile == nil, let role = environment["AWS_ROLE_ARN"], let tokenFile = environment["AWS_WEB_IDENTITY_TOKEN_FILE"] {
            return RoleCredentials.webIdentity(role, tokenFile: tokenFile, sessionName: environment["AWS_ROLE_SESSION_NAME"] ?? "opsdeck", region: region, transport: transport, endpoints: endpoints)
        }
        if profile == nil, let container = ContainerCredentials.provider(environment: environment, transport: transport) {
            return container
        }
        if profiles.profiles[name] != nil {
            throw CredentialError("profile '\(name)' has no credentials (keys, credential_process, role_arn or web identity)")
        }
        if profile != nil { throw CredentialError("profile '\(name)' is not in ~/.aws/config or ~/.aws/credentials") }
        throw CredentialError("no credentials: AWS_ACCESS_KEY_ID is not set, profile '\(name)' is not in ~/.aws/config or ~/.aws/credentials, and no web identity or container credentials are configured")
    }

    /// The `credential_source` values the CLI accepts outside EC2: Environment and EcsContainer.
    private func credentialSource(_ value: String, transport: any HTTPTransport) throws -> any CredentialProvider {
        switch value {
        case "Environment":
            guard let credentials = EnvironmentCredentials.read(environment) else { throw CredentialError("credential_source = Environment but AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are not set") }
            return StaticCredentialProvider(credentials, origin: "env")
        case "EcsContainer":
            guard let provider = ContainerCredentials.provider(environment: environment, transport: transport) else { throw CredentialError("credential_source = EcsContainer but no container credentials URI is set") }
            return provider
        default:
            throw CredentialError("credential_source '\(value)' is not supported here (Environment or EcsContainer)")
        }
    }
}

/// The token providers of the sign-ins a chain has handed out, by cache key, and their role credentials, so accounts
/// reached through one sign-in and role share one GetRoleCredentials.
final class SignIns: @unchecked Sendable {
    private let lock = Lock()
    private var providers: [String: SSOTokenProvider] = [:]
    private var roles: [String: any CredentialProvider] = [:]

    /// The role credentials provider for `key` ("session account role"), made by `make` on first use.
    func roleCredentials(_ key: String, make: () -> any CredentialProvider) -> any CredentialProvider {
        lock.withLock { Self.remembered(&roles, key, make) }
    }

    /// The provider for `config`'s sign-in, made on first use.
    func provider(_ config: SSOConfig, cache: SSOTokenCache, client: SSOClient) -> SSOTokenProvider {
        lock.withLock { Self.remembered(&providers, config.cacheKey) { SSOTokenProvider(config: config, cache: cache, client: client) } }
    }

    /// `store[key]`, made by `make` and kept when missing.
    private static func remembered<Value>(_ store: inout [String: Value], _ key: String, _ make: () -> Value) -> Value {
        if let known = store[key] { return known }
        let made = make()
        store[key] = made
        return made
    }
}
