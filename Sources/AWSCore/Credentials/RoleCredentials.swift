import FoundationEssentials

/// Providers that exchange something for temporary role credentials through STS, cached until shortly before expiry.
public enum RoleCredentials {
    /// AssumeRole as `roleArn` using `source` credentials; refreshed five minutes before expiry. A lapsed sign-in of
    /// the source is passed on as it is, since signing in again is the fix.
    public static func assumeRole(
        _ roleArn: String, externalId: String?, sessionName: String = "opsdeck", source: any CredentialProvider,
        region: String, transport: any HTTPTransport, endpoints: EndpointResolver
    ) -> any CredentialProvider {
        let client = AWSClient(region: region, credentials: source, transport: transport, endpoints: endpoints)
        return CachingCredentialProvider(origin: "assumed role \(roleArn.split(separator: "/").last.map(String.init) ?? roleArn) via \(source.origin)") {
            do {
                return try await STSClient(client).assumeRole(roleArn, sessionName: sessionName, externalId: externalId)
            } catch let error as CredentialError where error.signedOut {
                throw error
            } catch {
                throw CredentialError("could not assume \(roleArn): \(error)")
            }
        }
    }

    /// AssumeRoleWithWebIdentity with the OIDC token read fresh from `tokenFile` on each refresh.
    public static func webIdentity(
        _ roleArn: String, tokenFile: String, sessionName: String, region: String, transport: any HTTPTransport, endpoints: EndpointResolver
    ) -> any CredentialProvider {
        let client = AWSClient(region: region, credentials: nil, transport: transport, endpoints: endpoints)
        return CachingCredentialProvider(origin: "web identity \(roleArn.split(separator: "/").last.map(String.init) ?? roleArn)") {
            guard let token = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                throw CredentialError("web identity token file \(tokenFile) cannot be read")
            }
            do {
                return try await STSClient(client).assumeRoleWithWebIdentity(roleArn, sessionName: sessionName, token: token.trimming(.whitespacesAndNewlines))
            } catch {
                throw CredentialError("could not assume \(roleArn) with web identity: \(error)")
            }
        }
    }
}
