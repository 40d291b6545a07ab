import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

/// Role assumption, web identity, container credentials and caching, with STS and the container endpoint scripted.
@Suite struct CredentialProviderTests {
    static func assumeRoleResponse(_ key: String, expires: String = "2099-01-01T00:00:00Z", result: String = "AssumeRoleResult") -> Result<HTTPResponse, TransportError> {
        .success(.text(200, "<R><\(result)><Credentials><AccessKeyId>\(key)</AccessKeyId><SecretAccessKey>s-\(key)</SecretAccessKey><SessionToken>t-\(key)</SessionToken><Expiration>\(expires)</Expiration></Credentials></\(result)></R>"))
    }

    func chain(config: String, credentials: String = "", environment: [String: String] = [:]) throws -> CredentialChain {
        CredentialChain(environment: environment, profiles: AWSProfiles(config: try INIFile(parsing: config, file: "config"), credentials: try INIFile(parsing: credentials, file: "credentials")))
    }

    @Test func roleProfileAssumesWithSourceKeysAndExternalId() async throws {
        let config = "[profile ops]\nrole_arn = arn:aws:iam::398126457039:role/OpsdeckReadOnly\nsource_profile = base\nexternal_id = ext-1\nregion = us-east-1\n"
        let transport = ScriptedTransport([Self.assumeRoleResponse("ASIAONE")])
        let provider = try chain(config: config, credentials: "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n")
            .provider(profile: "ops", region: "eu-west-1", transport: transport, endpoints: EndpointResolver(environment: [:]))
        let credentials = try await provider.credentials()
        #expect(credentials.accessKeyId == "ASIAONE" && credentials.sessionToken == "t-ASIAONE")
        let body = String(decoding: transport.requests[0].body, as: UTF8.self)
        #expect(body.contains("Action=AssumeRole") && body.contains("ExternalId=ext-1") && body.contains("RoleArn=arn%3Aaws%3Aiam%3A%3A398126457039%3Arole%2FOpsdeckReadOnly"))
        #expect(transport.header("Authorization", of: 0)?.contains("Credential=AKIDBASE/") == true)
        #expect(transport.requests[0].url.host == "sts.us-east-1.amazonaws.com")
        _ = try await provider.credentials()
        #expect(transport.count == 1, "cached until shortly before expiry")
    }

    @Test func cachedCredentialsRefreshFiveMinutesBeforeExpiry() async throws {
        final class Clock: @unchecked Sendable { var now = Date(timeIntervalSince1970: 1_000_000) }
        let clock = Clock()
        let transport = ScriptedTransport([Self.assumeRoleResponse("ASIA1", expires: "1970-01-12T14:00:00Z"), Self.assumeRoleResponse("ASIA2")])
        let sts = STSClient(AWSClient(region: "us-east-1", credentials: StaticCredentialProvider(Credentials(accessKeyId: "A", secretAccessKey: "S")), transport: transport, endpoints: EndpointResolver(environment: [:])))
        let provider = CachingCredentialProvider(now: { clock.now }) { try await sts.assumeRole("arn:aws:iam::1:role/r", sessionName: "s") }
        #expect(try await provider.credentials().accessKeyId == "ASIA1")
        clock.now = AWSDate.parse("1970-01-12T13:50:00Z")!
        #expect(try await provider.credentials().accessKeyId == "ASIA1")
        clock.now = AWSDate.parse("1970-01-12T13:56:00Z")!
        #expect(try await provider.credentials().accessKeyId == "ASIA2")
        #expect(await provider.fetches == 2)
    }

    @Test func chainedRolesAndLoopsAreHandled() throws {
        let config = "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = a\n"
        #expect { _ = try chain(config: config).provider(profile: "a", region: "us-east-1", transport: ScriptedTransport([]), endpoints: EndpointResolver(environment: [:])) } throws: {
            "\($0)".contains("source_profile loop")
        }
        let noSource = "[profile a]\nrole_arn = arn:aws:iam::1:role/a\n"
        #expect { _ = try chain(config: noSource).provider(profile: "a", region: "us-east-1", transport: ScriptedTransport([]), endpoints: EndpointResolver(environment: [:])) } throws: {
            "\($0)".contains("no source_profile, credential_source or web_identity_token_file")
        }
    }

    @Test func webIdentityFromTheEnvironmentIsUnsignedAndReadsTheTokenFile() async throws {
        let tokenFile = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString)")
        try "eyJhbGciOi.token\n".write(to: tokenFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: tokenFile) }
        let transport = ScriptedTransport([Self.assumeRoleResponse("ASIAWEB", result: "AssumeRoleWithWebIdentityResult")])
        let environment = ["AWS_ROLE_ARN": "arn:aws:iam::287514036912:role/ci", "AWS_WEB_IDENTITY_TOKEN_FILE": tokenFile.path]
        let provider = try chain(config: "", environment: environment).provider(region: "us-west-2", transport: transport, endpoints: EndpointResolver(environment: [:]))
        #expect(try await provider.credentials().accessKeyId == "ASIAWEB")
        let body = String(decoding: transport.requests[0].body, as: UTF8.self)
        #expect(body.contains("Action=AssumeRoleWithWebIdentity") && body.hasSuffix("&WebIdentityToken=eyJhbGciOi.token"), "token read and trimmed")
        #expect(transport.header("Authorization", of: 0) == nil)
    }

    @Test func containerCredentialsUseTheAuthorizationToken() async throws {
        let json = #"{"AccessKeyId":"ASIACONT","SecretAccessKey":"s","Token":"t","Expiration":"2099-01-01T00:00:00Z"}"#
        let transport = ScriptedTransport([.success(.text(200, json))])
        let environment = ["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:9911/creds", "AWS_CONTAINER_AUTHORIZATION_TOKEN": "Bearer abc"]
        let provider = try chain(config: "", environment: environment).provider(region: "us-east-1", transport: transport, endpoints: EndpointResolver(environment: [:]))
        #expect(try await provider.credentials() == Credentials(accessKeyId: "ASIACONT", secretAccessKey: "s", sessionToken: "t", expiration: AWSDate.parse("2099-01-01T00:00:00Z")))
        #expect(transport.requests[0].method == "GET" && transport.requests[0].url.absoluteString == "http://127.0.0.1:9911/creds")
        #expect(transport.header("Authorization", of: 0) == "Bearer abc")
        let failing = ScriptedTransport([.success(.text(500, "oops"))])
        let broken = try chain(config: "", environment: environment).provider(region: "us-east-1", transport: failing, endpoints: EndpointResolver(environment: [:]))
        await #expect { _ = try await broken.credentials() } throws: { "\($0)" == "container credentials endpoint answered HTTP 500" }
    }

    @Test func nothingConfiguredSaysWhereItLooked() {
        #expect { _ = try chain(config: "").provider(region: "us-east-1", transport: ScriptedTransport([]), endpoints: EndpointResolver(environment: [:])) } throws: {
            "\($0)".contains("AWS_ACCESS_KEY_ID is not set") && "\($0)".contains("container credentials")
        }
    }

    @Test func endpointOverridesFollowTheCLIsPrecedence() throws {
        let environment = ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000", "AWS_ENDPOINT_URL_CLOUDWATCH": "http://localhost:4566/"]
        let resolver = EndpointResolver(environment: environment, configured: "http://ignored:1")
        #expect(try resolver.url(for: .cloudWatch, region: "us-east-1").absoluteString == "http://localhost:4566/")
        #expect(try resolver.url(for: .ec2, region: "us-east-1").absoluteString == "http://127.0.0.1:5000")
        #expect(try EndpointResolver(environment: [:], configured: "http://moto:5000").url(for: .logs, region: "x").absoluteString == "http://moto:5000")
        #expect(try EndpointResolver(environment: [:]).url(for: .config, region: "cn-north-1").absoluteString == "https://config.cn-north-1.amazonaws.com.cn")
        #expect { try EndpointResolver(environment: ["AWS_ENDPOINT_URL": "ftp://x"]).url(for: .sts, region: "us-east-1") } throws: { "\($0)".contains("is not an http(s) URL") }
    }

    @Test func transportOptionsComeFromTheEnvironment() {
        let options = TransportOptions(environment: ["AWS_CA_BUNDLE": "/etc/ca.pem", "https_proxy": "http://proxy:3128", "NO_PROXY": "127.0.0.1"])
        #expect(options.caBundle == "/etc/ca.pem" && options.httpsProxy == "http://proxy:3128" && options.noProxy == "127.0.0.1" && options.httpProxy == nil)
    }
}
