import FoundationEssentials

/// IAM Identity Center over its REST-JSON wire formats, unsigned as the SDKs send them: the portal's
/// GetRoleCredentials (authorised by the access token) and OIDC's RegisterClient, StartDeviceAuthorization and
/// CreateToken. No SDK is mirrored here, so the four calls are written out.
public struct SSOClient: Sendable {
    public var region: String
    public var transport: any HTTPTransport
    public var endpoints: EndpointResolver

    public init(region: String, transport: any HTTPTransport, endpoints: EndpointResolver) {
        self.region = region
        self.transport = transport
        self.endpoints = endpoints
    }

    /// A token CreateToken granted.
    public struct Grant: Equatable, Sendable {
        public var accessToken: String
        public var expiresIn: Double
        public var refreshToken: String?
    }

    /// A client RegisterClient registered.
    public struct Registration: Equatable, Sendable {
        public var clientId: String
        public var clientSecret: String
        public var expiresAt: Date
    }

    /// What StartDeviceAuthorization asks the user to do.
    public struct DeviceAuthorization: Equatable, Sendable {
        public var deviceCode: String
        public var userCode: String
        public var verificationUri: String
        public var verificationUriComplete: String?
        public var expiresIn: Double
        public var interval: Double
    }

    /// GetRoleCredentials: the role's temporary credentials for `accessToken` (expiration in epoch milliseconds).
    public func roleCredentials(accountId: String, roleName: String, accessToken: String) async throws -> Credentials {
        let query = [("account_id", accountId), ("role_name", roleName)].map { "\($0.0)=\(PercentEncoding.encode($0.1))" }.joined(separator: "&")
        let reply = try await send(.ssoPortal, "GetRoleCredentials", method: "GET", path: "/federation/credentials?\(query)",
                                   headers: [("x-amz-sso_bearer_token", accessToken)], body: nil)
        guard let role = reply.value["roleCredentials"], let id = role["accessKeyId"]?.string, let secret = role["secretAccessKey"]?.string,
              let milliseconds = role["expiration"]?.double else {
            throw AWSError.malformed(reply.call, "roleCredentials lacks accessKeyId, secretAccessKey or expiration")
        }
        return Credentials(accessKeyId: id, secretAccessKey: secret, sessionToken: role["sessionToken"]?.string, expiration: Date(timeIntervalSince1970: milliseconds / 1000))
    }

    /// CreateToken with the refresh_token grant: a new access token for a cached one.
    public func refresh(_ token: SSOToken) async throws -> Grant {
        guard let clientId = token.clientId, let clientSecret = token.clientSecret, let refreshToken = token.refreshToken else {
            throw CredentialError("the cached SSO token has no client registration to refresh it with", signedOut: true)
        }
        return try await createToken(["grantType": "refresh_token", "clientId": .string(clientId), "clientSecret": .string(clientSecret), "refreshToken": .string(refreshToken)])
    }

    /// RegisterClient: a public client for the device sign-in, with the scopes the session asks for.
    public func registerClient(name: String, scopes: [String]) async throws -> Registration {
        var body: [String: JSONValue] = ["clientName": .string(name), "clientType": "public"]
        if !scopes.isEmpty { body["scopes"] = .array(scopes.map(JSONValue.string)) }
        let reply = try await send(.ssoOIDC, "RegisterClient", method: "POST", path: "/client/register", body: .object(body))
        guard let id = reply.value["clientId"]?.string, let secret = reply.value["clientSecret"]?.string, let expires = reply.value["clientSecretExpiresAt"]?.double else {
            throw AWSError.malformed(reply.call, "RegisterClient's answer lacks clientId, clientSecret or clientSecretExpiresAt")
        }
        return Registration(clientId: id, clientSecret: secret, expiresAt: Date(timeIntervalSince1970: expires))
    }

    /// StartDeviceAuthorization: the code and page the user confirms the sign-in with.
    public func startDeviceAuthorization(_ registration: Registration, startURL: String) async throws -> DeviceAuthorization {
        let reply = try await send(.ssoOIDC, "StartDeviceAuthorization", method: "POST", path: "/device_authorization", body: [
            "clientId": .string(registration.clientId), "clientSecret": .string(registration.clientSecret), "startUrl": .string(startURL),
        ])
        let value = reply.value
        guard let device = value["deviceCode"]?.string, let user = value["userCode"]?.string, let uri = value["verificationUri"]?.string else {
            throw AWSError.malformed(reply.call, "StartDeviceAuthorization's answer lacks deviceCode, userCode or verificationUri")
        }
        return DeviceAuthorization(deviceCode: device, userCode: user, verificationUri: uri, verificationUriComplete: value["verificationUriComplete"]?.string,
                                   expiresIn: value["expiresIn"]?.double ?? 600, interval: max(1, value["interval"]?.double ?? 5))
    }

    /// CreateToken with the device-code grant: the token once the user has confirmed, or the service's
    /// AuthorizationPendingException / SlowDownException while they have not.
    public func createToken(_ authorization: DeviceAuthorization, _ registration: Registration) async throws -> Grant {
        try await createToken(["grantType": "urn:ietf:params:oauth:grant-type:device_code", "deviceCode": .string(authorization.deviceCode),
                               "clientId": .string(registration.clientId), "clientSecret": .string(registration.clientSecret)])
    }

    private func createToken(_ body: [String: JSONValue]) async throws -> Grant {
        let reply = try await send(.ssoOIDC, "CreateToken", method: "POST", path: "/token", body: .object(body))
        guard let token = reply.value["accessToken"]?.string, let expiresIn = reply.value["expiresIn"]?.double else {
            throw AWSError.malformed(reply.call, "CreateToken's answer lacks accessToken or expiresIn")
        }
        return Grant(accessToken: token, expiresIn: expiresIn, refreshToken: reply.value["refreshToken"]?.string)
    }

    /// Sends one call and reads its JSON answer; a non-2xx answer is the service's error.
    private func send(_ service: AWSService, _ operation: String, method: String, path: String, headers: [(String, String)] = [],
                      body: JSONValue?) async throws -> (value: JSONValue, call: APICall) {
        let call = APICall(service, operation, .json(body ?? [:]))
        let base = try endpoints.url(for: service, region: region)
        let trimmed = base.absoluteString.hasSuffix("/") ? String(base.absoluteString.dropLast()) : base.absoluteString
        guard let url = URL(string: trimmed + path) else { throw AWSError.configuration("\(service) endpoint \(base) does not take the path \(path)") }
        var all = headers.map { (name: $0.0, value: $0.1) }
        if body != nil { all.append((name: "Content-Type", value: "application/json")) }
        let request = HTTPRequest(method: method, url: url, headers: all, body: body?.encoded ?? Data(), operation: "\(service.endpointPrefix) \(operation)")
        let response = try await transport.send(request)
        guard (200..<300).contains(response.status) else { throw AWSError.from(response, call: call) }
        return (try JSONValue.parse(response.body, for: call), call)
    }
}
