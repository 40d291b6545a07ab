import FoundationEssentials

/// Signs in to IAM Identity Center with the OAuth device authorization flow, as `aws sso login --use-device-code`
/// does: RegisterClient, StartDeviceAuthorization (the user opens the page and confirms the code), CreateToken polled
/// until confirmed; the token and its registration go to the CLI's cache, so the AWS CLI and opsdeck share it.
public enum SSOLogin {
    /// Runs the flow for `config` over a transport of its own, with the endpoints and token cache `environment` names.
    public static func run(_ config: SSOConfig, environment: [String: String], show: @Sendable (SSOClient.DeviceAuthorization) -> Void) async throws -> SSOToken {
        let transport = CurlTransport(options: TransportOptions(environment: environment))
        defer { transport.close() }
        let client = SSOClient(region: config.region, transport: transport, endpoints: EndpointResolver(environment: environment))
        return try await run(config, client: client, cache: SSOTokenCache(environment: environment), show: show)
    }

    /// Runs the flow for `config`, telling the user what to do through `show`, and returns the cached token.
    public static func run(_ config: SSOConfig, client: SSOClient, cache: SSOTokenCache, show: @Sendable (SSOClient.DeviceAuthorization) -> Void,
                           now: @Sendable () -> Date = Date.init,
                           sleep: @Sendable (Double) async throws -> Void = { try await Task.sleep(nanoseconds: UInt64($0 * 1e9)) }) async throws -> SSOToken {
        let registration = try await client.registerClient(name: "opsdeck", scopes: config.registrationScopes)
        let authorization = try await client.startDeviceAuthorization(registration, startURL: config.startURL)
        show(authorization)
        let deadline = now().addingTimeInterval(authorization.expiresIn)
        var interval = authorization.interval
        while now() < deadline {
            try await sleep(interval)
            do {
                let grant = try await client.createToken(authorization, registration)
                let token = SSOToken(startUrl: config.startURL, region: config.region, accessToken: grant.accessToken, expiresAt: now().addingTimeInterval(grant.expiresIn),
                                     clientId: registration.clientId, clientSecret: registration.clientSecret,
                                     registrationExpiresAt: SSOToken.format(registration.expiresAt), refreshToken: grant.refreshToken)
                try cache.save(token, for: config.cacheKey)
                return token
            } catch let error as AWSError where ["AuthorizationPendingException", "authorization_pending"].contains(error.code) {
                continue
            } catch let error as AWSError where ["SlowDownException", "slow_down"].contains(error.code) {
                interval += 5
            } catch let error as AWSError where ["AccessDeniedException", "access_denied"].contains(error.code) {
                throw CredentialError("the sign-in for \(config.label) was denied in the browser", signedOut: true)
            } catch let error as AWSError where ["ExpiredTokenException", "expired_token"].contains(error.code) {
                break
            }
        }
        throw CredentialError("the sign-in for \(config.label) was not confirmed within \(Int(authorization.expiresIn)) s; run opsdeck login again", signedOut: true)
    }
}
