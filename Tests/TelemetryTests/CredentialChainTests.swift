import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

@Suite struct CredentialChainTests {
    func profiles(_ text: String) throws -> AWSProfiles {
        AWSProfiles(config: try INIFile(parsing: text, file: "config"), credentials: nil)
    }

    @Test func environmentComesFirst() async throws {
        let chain = CredentialChain(environment: ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "S"],
                                    profiles: try profiles("[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = S"))
        #expect(try await chain.resolve().credentials.accessKeyId == "ENVKEY")
        #expect(try await chain.resolve(profile: "default").credentials.accessKeyId == "FILEKEY")
    }

    @Test func credentialProcessOutputIsRead() async throws {
        let json = #"{"Version": 1, "AccessKeyId": "ASIAPROC", "SecretAccessKey": "procsecret", "SessionToken": "proctoken", "Expiration": "2026-11-22T21:00:00Z"}"#
        let chain = CredentialChain(environment: ["AWS_PROFILE": "tool", "PATH": "/usr/bin:/bin"],
                                    profiles: try profiles("[profile tool]\ncredential_process = printf '%s' '\(json)'"))
        let (credentials, source) = try await chain.resolve()
        #expect(credentials == Credentials(accessKeyId: "ASIAPROC", secretAccessKey: "procsecret", sessionToken: "proctoken",
                                           expiration: Date(timeIntervalSince1970: 1_795_381_200)))
        #expect(source == "profile tool credential_process")
    }

    @Test(arguments: [
        ("exit 3", "credential_process exited with status 3"),
        ("echo not-json", "credential_process printed something other than credentials JSON (Version, AccessKeyId, SecretAccessKey)"),
        (#"echo '{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "B"}'"#, "credential_process output Version 2 is not supported (only 1)"),
    ])
    func failingProcessesSayWhy(command: String, message: String) async throws {
        let chain = CredentialChain(environment: ["PATH": "/usr/bin:/bin"], profiles: try profiles("[default]\ncredential_process = \(command)"))
        await #expect(throws: CredentialError(message)) { try await chain.resolve() }
    }

    /// Whether a process with `marker` in its command line is alive.
    func running(_ marker: String) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.contains { entry in
            guard Int(entry) != nil, let line = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return false }
            let state = (try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
            return state != "Z" && String(decoding: line, as: UTF8.self).contains(marker)
        }
    }

    @Test(arguments: [
        ("sleep 1000", "hangs"),
        (#"(setsid sleep 1001 >/dev/null 2>&1 &); sleep 999"#, "detaches a daemon, then hangs"),
    ])
    func aHangingProcessIsStoppedWithItsChildren(command: String, what: String) async throws {
        let chain = CredentialChain(environment: ["PATH": "/usr/bin:/bin"], profiles: try profiles("[default]\ncredential_process = \(command)"), processTimeout: 1)
        let started = Date()
        let error = await #expect(throws: CredentialError.self) { try await chain.resolve() }
        #expect(Date().timeIntervalSince(started) < 30, "it \(what): stopped at the 1 s deadline, not left to run")
        #expect(error?.description == "credential_process did not answer within 1 s and was stopped (credential_process_timeout in config.toml sets the limit)")
        try await Task.sleep(nanoseconds: 200_000_000)
        #expect(!running("sleep 1000") && !running("sleep 1001") && !running("sleep 999"), "nothing it started outlives the call")
    }

    @Test func credentialsPrintedBeforeABackgroundChildAreReadAtOnce() async throws {
        let json = #"{"Version": 1, "AccessKeyId": "ASIAPROC", "SecretAccessKey": "procsecret"}"#
        let chain = CredentialChain(environment: ["PATH": "/usr/bin:/bin"], profiles: try profiles("[default]\ncredential_process = sleep 1002 & printf '%s' '\(json)'"), processTimeout: 120)
        let started = Date()
        #expect(try await chain.resolve().credentials.accessKeyId == "ASIAPROC")
        #expect(Date().timeIntervalSince(started) < 60, "a child holding stdout open keeps the call waiting neither for itself nor to the deadline")
        try await Task.sleep(nanoseconds: 200_000_000)
        #expect(!running("sleep 1002"))
    }

    @Test func missingProfileIsExplained() async throws {
        let chain = CredentialChain(environment: ["AWS_PROFILE": "nope"], profiles: try profiles("[default]\nregion = us-east-1"))
        let error = await #expect(throws: CredentialError.self) { try await chain.resolve() }
        #expect(error?.description.contains("profile 'nope' is not in") == true)
        await #expect(throws: CredentialError("profile 'default' has no aws_access_key_id/aws_secret_access_key or credential_process")) {
            try await chain.resolve(profile: "default")
        }
    }
}
