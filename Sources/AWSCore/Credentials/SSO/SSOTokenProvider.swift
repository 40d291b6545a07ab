import FoundationEssentials
import Logging

/// The access token of one IAM Identity Center sign-in, read from the CLI's cache each time it is needed (so a new
/// `aws sso login` is picked up without a restart) and, for an sso-session, refreshed through CreateToken within 15
/// minutes of expiry and written back, as botocore's SSOTokenProvider does. The legacy form is never refreshed.
public actor SSOTokenProvider {
    public let config: SSOConfig
    let cache: SSOTokenCache
    let client: SSOClient
    let now: @Sendable () -> Date
    /// botocore's refresh window: a token this close to expiry is refreshed when it can be.
    static let refreshWindow: Double = 15 * 60
    /// After a failed refresh, when to try again (so several accounts on one session do not hammer the service).
    private var nextRefresh = Date.distantPast

    public init(config: SSOConfig, cache: SSOTokenCache, client: SSOClient, now: @escaping @Sendable () -> Date = Date.init) {
        self.config = config
        self.cache = cache
        self.client = client
        self.now = now
    }

    /// A usable access token and when it expires, or a signed-out error saying which command signs in.
    public func accessToken() async throws -> (token: String, expiry: Date) {
        guard var token = try cache.load(config.cacheKey) else {
            throw signedOut("no cached sign-in for \(config.label) (looked for \(cache.file(for: config.cacheKey).path))")
        }
        guard var expiry = token.expiry else { throw signedOut("the cached sign-in for \(config.label) has an unreadable expiresAt '\(token.expiresAt)'") }
        let time = now()
        if config.sessionName != nil, expiry.timeIntervalSince(time) < Self.refreshWindow, token.canRefresh(at: time), time >= nextRefresh {
            do {
                let grant = try await client.refresh(token)
                token.accessToken = grant.accessToken
                token.expiresAt = SSOToken.format(time.addingTimeInterval(grant.expiresIn))
                token.refreshToken = grant.refreshToken ?? token.refreshToken
                token.startUrl = config.startURL
                token.region = config.region
                try cache.save(token, for: config.cacheKey)
                expiry = token.expiry ?? expiry
                OpsdeckLog.logger("credentials").notice("refreshed the SSO token of \(config.label)", metadata: ["expires": "\(token.expiresAt)"])
            } catch {
                nextRefresh = time.addingTimeInterval(300)
                OpsdeckLog.logger("credentials").warning("could not refresh the SSO token of \(config.label): \(error)")
            }
        }
        guard expiry > time else { throw signedOut("the sign-in for \(config.label) expired at \(token.expiresAt)") }
        return (token.accessToken, expiry)
    }

    /// The error for a lapsed sign-in, naming the commands that sign in again.
    func signedOut(_ why: String) -> CredentialError {
        CredentialError("signed out of \(config.label): run \(config.loginCommand) (or \(config.opsdeckLoginCommand)); \(why)", signedOut: true)
    }
}

/// Role credentials from IAM Identity Center: the portal's GetRoleCredentials for the cached access token, held in
/// memory and fetched again five minutes before they expire.
public enum SSOCredentials {
    /// The provider for `role` in `account` through `tokens`.
    public static func provider(_ tokens: SSOTokenProvider, account: String, role: String, client: SSOClient,
                                now: @escaping @Sendable () -> Date = Date.init) -> any CredentialProvider {
        CachingCredentialProvider(origin: "\(tokens.config.label) \(role)", now: now) {
            let (token, _) = try await tokens.accessToken()
            do {
                return try await client.roleCredentials(accountId: account, roleName: role, accessToken: token)
            } catch let error as AWSError where error.status == 401 || error.code == "UnauthorizedException" {
                throw await tokens.signedOut("the portal refused the cached token for \(tokens.config.label) (\(error.code))")
            } catch let error as AWSError where error.code == "ForbiddenException" || error.code == "ResourceNotFoundException" {
                throw CredentialError("IAM Identity Center does not give \(tokens.config.label) the role \(role) in account \(account): \(error)")
            }
        }
    }
}
