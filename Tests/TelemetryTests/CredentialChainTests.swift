import Foundation
import Testing
@testable import Telemetry

@Suite struct CredentialChainTests {
    func profiles(_ text: String) throws -> AWSProfiles {
        AWSProfiles(config: try INIFile(parsing: text, file: "config"), credentials: nil)
    }

    @Test func environmentComesFirst() throws {
        let chain = CredentialChain(environment: ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "S"],
                                    profiles: try profiles("[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = S"))
        #expect(try chain.resolve().credentials.accessKeyId == "ENVKEY")
        #expect(try chain.resolve(profile: "default").credentials.accessKeyId == "FILEKEY")
    }

    @Test func credentialProcessOutputIsRead() throws {
        let json = #"{"Version": 1, "AccessKeyId": "ASIAPROC", "SecretAccessKey": "procsecret", "SessionToken": "proctoken", "Expiration": "2026-11-22T21:00:00Z"}"#
        let chain = CredentialChain(environment: ["AWS_PROFILE": "tool", "PATH": "/usr/bin:/bin"],
                                    profiles: try profiles("[profile tool]\ncredential_process = printf '%s' '\(json)'"))
        let (credentials, source) = try chain.resolve()
        #expect(credentials == Credentials(accessKeyId: "ASIAPROC", secretAccessKey: "procsecret", sessionToken: "proctoken",
                                           expiration: Date(timeIntervalSince1970: 1_795_381_200)))
        #expect(source == "profile tool credential_process")
    }

    @Test(arguments: [
        ("exit 3", "credential_process exited with status 3"),
        ("echo not-json", "credential_process printed something other than credentials JSON (Version, AccessKeyId, SecretAccessKey)"),
        (#"echo '{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "B"}'"#, "credential_process output Version 2 is not supported (only 1)"),
    ])
    func failingProcessesSayWhy(command: String, message: String) throws {
        let chain = CredentialChain(environment: ["PATH": "/usr/bin:/bin"], profiles: try profiles("[default]\ncredential_process = \(command)"))
        #expect(throws: CredentialError(message)) { try chain.resolve() }
    }

    @Test func missingProfileIsExplained() throws {
        let chain = CredentialChain(environment: ["AWS_PROFILE": "nope"], profiles: try profiles("[default]\nregion = us-east-1"))
        let error = #expect(throws: CredentialError.self) { try chain.resolve() }
        #expect(error?.description.contains("profile 'nope' is not in") == true)
        #expect(throws: CredentialError("profile 'default' has no aws_access_key_id/aws_secret_access_key or credential_process")) {
            try chain.resolve(profile: "default")
        }
    }
}
