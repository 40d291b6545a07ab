import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore

/// IAM Identity Center credentials as the AWS CLI v2 and botocore get them, against a loopback stand-in for the portal
/// and OIDC endpoints, with token cache files in the CLI's format.
@Suite struct SSOCredentialTests {
    static let startURL = "https://d-92670fe31a.awsapps.com/start"

    /// A HOME with ~/.aws/config holding an sso-session profile, a legacy profile and a role profile on top of SSO.
    struct Home {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-sso-\(UUID().uuidString)")
        let standIn: SSOStandIn

        init(validTokens: Set<String>) throws {
            standIn = try SSOStandIn(validTokens: validTokens)
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(".aws/sso/cache"), withIntermediateDirectories: true)
            try """
            [sso-session my-sso]
            sso_start_url = \(SSOCredentialTests.startURL)
            sso_region = eu-west-1
            sso_registration_scopes = sso:account:access

            [profile sso-prod]
            sso_session = my-sso
            sso_account_id = 398126457039
            sso_role_name = OpsdeckReadOnly
            region = us-east-1

            [profile legacy]
            sso_start_url = \(SSOCredentialTests.startURL)
            sso_region = eu-west-1
            sso_account_id = 104729364815
            sso_role_name = ReadOnly

            [profile prod-admin]
            role_arn = arn:aws:iam::398126457039:role/OpsdeckReadOnly
            source_profile = sso-prod
            """.write(to: directory.appendingPathComponent(".aws/config"), atomically: true, encoding: .utf8)
        }

        var environment: [String: String] { standIn.endpoints.merging(["HOME": directory.path]) { a, _ in a } }

        var cache: SSOTokenCache { SSOTokenCache(environment: environment) }

        /// A cache file as `aws sso login` writes it.
        func writeToken(_ key: String, access: String, expiresIn: Double, refresh: String? = "refresh-1") throws {
            var fields = [
                #""startUrl": "\#(SSOCredentialTests.startURL)""#, #""region": "eu-west-1""#, #""accessToken": "\#(access)""#,
                #""expiresAt": "\#(AWSDate.format(Date().addingTimeInterval(expiresIn)))""#,
            ]
            if let refresh {
                fields += [#""clientId": "cid""#, #""clientSecret": "csecret""#, #""registrationExpiresAt": "\#(AWSDate.format(Date().addingTimeInterval(86_400 * 30)))""#, #""refreshToken": "\#(refresh)""#]
            }
            try Data("{\(fields.joined(separator: ", "))}".utf8).write(to: cache.file(for: key))
        }

        func provider(_ profile: String) throws -> any CredentialProvider {
            let chain = CredentialChain(environment: environment, profiles: try AWSProfiles.load(environment: environment))
            return try chain.provider(profile: profile, region: "us-east-1", transport: CurlTransport(options: TransportOptions()), endpoints: EndpointResolver(environment: environment))
        }
    }

    @Test func theCacheIsKeyedAsTheCLIKeysIt() {
        let cache = SSOTokenCache(directory: URL(fileURLWithPath: "/c"))
        #expect(cache.file(for: "my-sso").lastPathComponent == "0ad374308c5a4e22f723adf10145eafad7c4031c.json", "sha1 of the session name")
        #expect(cache.file(for: Self.startURL).lastPathComponent == "04a124157e468273c858291e187792fba4ee13a6.json", "sha1 of the start URL (legacy)")
    }

    @Test func aValidTokenGetsTheRolesCredentials() async throws {
        let home = try Home(validTokens: ["cached-token"])
        try home.writeToken("my-sso", access: "cached-token", expiresIn: 3600)
        let credentials = try await home.provider("sso-prod").credentials()
        #expect(credentials.accessKeyId == SSOStandIn.roleKey && credentials.sessionToken == "ssoRoleSession")
        #expect(abs((credentials.expiration?.timeIntervalSinceNow ?? 0) - 3600) < 60, "expiration is read from epoch milliseconds")
        let portal = try #require(home.standIn.requests("GET /federation/credentials").first)
        #expect(portal.line == "GET /federation/credentials?account_id=398126457039&role_name=OpsdeckReadOnly")
        #expect(portal.head.contains("x-amz-sso_bearer_token: cached-token"))
        #expect(!portal.head.contains("Authorization:"), "the portal call is not signed")
        #expect(home.standIn.requests("POST /token").isEmpty, "a token an hour from expiry is not refreshed")
    }

    @Test func aTokenNearExpiryIsRefreshedAndWrittenBack() async throws {
        let home = try Home(validTokens: ["old-token"])
        try home.writeToken("my-sso", access: "old-token", expiresIn: 300)
        let credentials = try await home.provider("sso-prod").credentials()
        #expect(credentials.accessKeyId == SSOStandIn.roleKey)
        let refresh = try #require(home.standIn.requests("POST /token").first)
        #expect(refresh.body.contains(#""grantType":"refresh_token""#) && refresh.body.contains(#""refreshToken":"refresh-1""#) && refresh.body.contains(#""clientId":"cid""#))
        #expect(home.standIn.requests("GET /federation/credentials").last?.head.contains("x-amz-sso_bearer_token: refreshed-1") == true)
        let written = try #require(try home.cache.load("my-sso"))
        #expect(written.accessToken == "refreshed-1" && written.refreshToken == "refresh-2" && written.clientId == "cid")
        #expect(abs((written.expiry?.timeIntervalSinceNow ?? 0) - 28_800) < 60, "expiresAt is now + expiresIn")
        #expect(written.expiresAt.hasSuffix("Z") && written.startUrl == Self.startURL && written.region == "eu-west-1")
        let mode = try FileManager.default.attributesOfItem(atPath: home.cache.file(for: "my-sso").path)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o777 } == 0o600)
    }

    @Test func anExpiredTokenWithoutRefreshIsSignedOutUntilANewSignInAppears() async throws {
        let home = try Home(validTokens: [])
        try home.writeToken("my-sso", access: "expired-token", expiresIn: -60, refresh: nil)
        let provider = try home.provider("sso-prod")
        await #expect { _ = try await provider.credentials() } throws: { error in
            guard let credential = error as? CredentialError else { return false }
            return credential.signedOut && credential.description.hasPrefix("signed out of sso-session my-sso: run aws sso login --sso-session my-sso (or opsdeck login --sso-session my-sso); ")
                && credential.description.contains("expired at")
        }
        #expect(home.standIn.requests("GET").isEmpty, "no portal call with an expired token")
        #expect(SectionFailure(CredentialError("x", signedOut: true)).cause == .signedOut)
        // `aws sso login` in another terminal writes a fresh token: the same provider picks it up, no restart.
        home.standIn.accept("fresh-token")
        try home.writeToken("my-sso", access: "fresh-token", expiresIn: 3600)
        #expect(try await provider.credentials().accessKeyId == SSOStandIn.roleKey)
    }

    @Test func aRevokedTokenIsSignedOutNamingTheCommand() async throws {
        let home = try Home(validTokens: [])
        try home.writeToken("my-sso", access: "revoked-token", expiresIn: 3600)
        await #expect { _ = try await home.provider("sso-prod").credentials() } throws: { error in
            (error as? CredentialError)?.signedOut == true && "\(error)".contains("the portal refused the cached token for sso-session my-sso (UnauthorizedException)")
        }
    }

    @Test func theLegacyFormIsKeyedByStartURLAndNeverRefreshed() async throws {
        let home = try Home(validTokens: ["legacy-token"])
        try home.writeToken(Self.startURL, access: "legacy-token", expiresIn: 300)
        #expect(try await home.provider("legacy").credentials().accessKeyId == SSOStandIn.roleKey)
        #expect(home.standIn.requests("POST /token").isEmpty, "botocore refreshes only sso-session tokens")
        #expect(home.standIn.requests("GET /federation/credentials").first?.line.contains("account_id=104729364815&role_name=ReadOnly") == true)
        try home.writeToken(Self.startURL, access: "legacy-token", expiresIn: -1)
        await #expect { _ = try await home.provider("legacy").credentials() } throws: { "\($0)".contains("run aws sso login --profile legacy") }
    }

    @Test func anSSOProfileIsTheSourceOfARoleProfile() async throws {
        let home = try Home(validTokens: ["cached-token"])
        try home.writeToken("my-sso", access: "cached-token", expiresIn: 3600)
        let credentials = try await home.provider("prod-admin").credentials()
        #expect(credentials.accessKeyId == "ASIAASSUMED000000001")
        let assume = try #require(home.standIn.requests("POST /").first { $0.body.contains("Action=AssumeRole") })
        #expect(assume.head.contains("Credential=\(SSOStandIn.roleKey)/"), "AssumeRole is signed with the SSO role's credentials")
        #expect(assume.body.contains("RoleArn=arn%3Aaws%3Aiam%3A%3A398126457039%3Arole%2FOpsdeckReadOnly"))
    }

    @Test(arguments: [
        ("[profile p]\nsso_session = nope\nsso_account_id = 1\nsso_role_name = r\n", "no [sso-session nope] section"),
        ("[sso-session s]\nsso_region = eu-west-1\n[profile p]\nsso_session = s\nsso_account_id = 1\nsso_role_name = r\n", "[sso-session s] is missing sso_start_url"),
        ("[sso-session s]\nsso_start_url = https://a\nsso_region = eu-west-1\n[profile p]\nsso_session = s\nsso_region = us-east-1\nsso_account_id = 1\nsso_role_name = r\n",
         "profile 'p' has sso_region = us-east-1 but its sso-session 's' has eu-west-1"),
        ("[sso-session s]\nsso_start_url = https://a\nsso_region = eu-west-1\n[profile p]\nsso_session = s\nsso_account_id = 1\n", "has no sso_role_name"),
    ])
    func aBadSSOProfileSaysWhatIsWrong(config: String, message: String) throws {
        let chain = CredentialChain(environment: [:], profiles: AWSProfiles(config: try INIFile(parsing: config, file: "config"), credentials: nil))
        #expect { _ = try chain.provider(profile: "p", region: "us-east-1", transport: CurlTransport(options: TransportOptions()), endpoints: EndpointResolver(environment: [:])) } throws: {
            "\($0)".contains(message)
        }
    }
}

/// Where credentials come from and when they expire, as the screen shows it.
@Suite struct CredentialHealthTests {
    @Test func providersNameWhereTheirCredentialsComeFrom() throws {
        let config = """
        [profile keys]
        aws_access_key_id = AKIAKEYS
        aws_secret_access_key = s
        [profile role]
        role_arn = arn:aws:iam::398126457039:role/OpsdeckReadOnly
        source_profile = keys
        """
        let chain = CredentialChain(environment: ["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "s"],
                                    profiles: AWSProfiles(config: try INIFile(parsing: config, file: "config"), credentials: nil))
        let transport = CurlTransport(options: TransportOptions())
        let endpoints = EndpointResolver(environment: [:])
        #expect(try chain.provider(region: "us-east-1", transport: transport, endpoints: endpoints).origin == "env")
        #expect(try chain.provider(profile: "keys", region: "us-east-1", transport: transport, endpoints: endpoints).origin == "profile keys")
        #expect(try chain.provider(profile: "role", region: "us-east-1", transport: transport, endpoints: endpoints).origin == "assumed role OpsdeckReadOnly via profile keys")
        #expect(chain.signIn(profile: "role") == nil, "keys are no sign-in")
    }

    @Test func theScreenWarnsTenMinutesBeforeExpiry() {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(CredentialHealth(origin: "env", expiration: nil).warning(at: now) == nil)
        #expect(CredentialHealth(origin: "x", expiration: now.addingTimeInterval(3600)).warning(at: now) == nil)
        #expect(CredentialHealth(origin: "x", expiration: now.addingTimeInterval(450)).warning(at: now) == "credentials expire in 8m")
        #expect(CredentialHealth(origin: "x", expiration: now.addingTimeInterval(-5)).warning(at: now) == "credentials expired")
    }

    @Test func aRoleOnTopOfSSONamesTheSignInToRenew() throws {
        let config = """
        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        sso_region = eu-west-1
        [profile sso]
        sso_session = corp
        sso_account_id = 1
        sso_role_name = r
        [profile admin]
        role_arn = arn:aws:iam::2:role/a
        source_profile = sso
        """
        let chain = CredentialChain(environment: ["AWS_PROFILE": "admin"], profiles: AWSProfiles(config: try INIFile(parsing: config, file: "config"), credentials: nil))
        #expect(chain.signIn()?.label == "sso-session corp")
        #expect(chain.signIn()?.loginCommand == "aws sso login --sso-session corp")
    }
}
