import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

@Suite struct CredentialSourceTests {
    @Test func environmentPairAndToken() {
        #expect(EnvironmentCredentials.read(["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "S", "AWS_SESSION_TOKEN": "T"])
                == Credentials(accessKeyId: "AKID", secretAccessKey: "S", sessionToken: "T"))
        #expect(EnvironmentCredentials.read(["AWS_ACCESS_KEY_ID": "AKID"]) == nil)
        #expect(EnvironmentCredentials.read(["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "S", "AWS_SESSION_TOKEN": ""])?.sessionToken == nil)
    }

    let config = """
    [default]
    region = eu-west-1

    [profile prod]
    role_arn = arn:aws:iam::398126457039:role/opsdeck-readonly
    source_profile = default
    external_id = opsdeck  ; trailing comment
    region = us-east-1
    s3 =
      max_concurrent_requests = 20
    # a comment
    [sso-session corp]
    sso_region = us-east-1
    """
    let credentials = """
    [default]
    aws_access_key_id = AKIDEXAMPLE
    aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
    [prod]
    region = us-east-2
    """

    @Test func profilesMergeConfigAndCredentialsAsTheCLIDoes() throws {
        let profiles = AWSProfiles(config: try INIFile(parsing: config, file: "config"), credentials: try INIFile(parsing: credentials, file: "credentials"))
        #expect(profiles.staticCredentials("default") == Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"))
        #expect(profiles.profiles["prod"]?["role_arn"] == "arn:aws:iam::398126457039:role/opsdeck-readonly")
        #expect(profiles.profiles["prod"]?["external_id"] == "opsdeck")
        #expect(profiles.profiles["prod"]?["s3.max_concurrent_requests"] == "20")
        #expect(profiles.region("prod") == "us-east-2")
        #expect(profiles.region("default") == "eu-west-1")
        #expect(profiles.profiles["corp"] == nil)
        #expect(profiles.staticCredentials("prod") == nil)
    }

    @Test func windowsLineEndingsReadLikeUnixOnes() throws {
        let crlf = try INIFile(parsing: credentials.replacingOccurrences(of: "\n", with: "\r\n"), file: "credentials")
        #expect(crlf == (try INIFile(parsing: credentials, file: "credentials")))
        #expect(crlf.sections["prod"]?["region"] == "us-east-2")
    }

    @Test func selectedProfileFollowsTheEnvironment() {
        #expect(AWSProfiles.selected([:]) == "default")
        #expect(AWSProfiles.selected(["AWS_DEFAULT_PROFILE": "staging"]) == "staging")
        #expect(AWSProfiles.selected(["AWS_PROFILE": "prod", "AWS_DEFAULT_PROFILE": "staging"]) == "prod")
    }

    @Test func filesComeFromTheEnvironmentAndMissingOnesAreEmpty() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-aws-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try credentials.write(to: dir.appendingPathComponent("creds"), atomically: true, encoding: .utf8)
        let profiles = try AWSProfiles.load(environment: ["HOME": dir.path, "AWS_SHARED_CREDENTIALS_FILE": dir.appendingPathComponent("creds").path])
        #expect(profiles.staticCredentials("default")?.accessKeyId == "AKIDEXAMPLE")
        #expect(profiles.region("default") == nil)
    }

    @Test(arguments: [
        ("key = value", 1, "'key = value' comes before any [section]"),
        ("[default\nx = 1", 1, "section header is missing ']'"),
        ("[default]\nnot a pair", 2, "expected key = value"),
        ("[ ]", 1, "empty section name"),
    ])
    func malformedFilesNameTheLine(text: String, line: Int, message: String) {
        #expect(throws: INIError(file: "config", line: line, message: message)) { try INIFile(parsing: text, file: "config") }
    }
}
