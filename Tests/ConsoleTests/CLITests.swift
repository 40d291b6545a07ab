import Foundation
import Testing

/// Command-line failures before the console starts: one clear line on stderr and exit status 2.
@Suite struct CLITests {
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-cli-\(UUID().uuidString)").path
        environment["XDG_CONFIG_HOME"] = nil
        return try Spawn.run([TmuxSession.opsdeck] + arguments, environment: environment)
    }

    @Test func missingConfigNamesTheFile() throws {
        let (status, output) = try run(["snapshot"])
        #expect(status == 2)
        #expect(output.hasPrefix("opsdeck: ") && output.contains("/.config/opsdeck/config.toml: cannot be read (create it, pass --config, or pass --profile NAME"))
        let console = try run(["--config", "/nonexistent/opsdeck.toml"])
        #expect(console.status == 2 && console.output == "opsdeck: /nonexistent/opsdeck.toml: cannot be read (create it, pass --config, or pass --profile NAME to watch that profile's account; see README \"Live mode\")\n")
    }

    @Test func aProfileWithoutConfigSaysWhatIsMissing() throws {
        let unknown = try run(["snapshot", "--profile", "nope"])
        #expect(unknown.status == 2 && unknown.output.contains("profile 'nope' is not in ~/.aws/config or ~/.aws/credentials"), "\(unknown.output)")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent(".aws"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try "[profile ops]\naws_access_key_id = AKIAX\naws_secret_access_key = s\n".write(to: home.appendingPathComponent(".aws/config"), atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["HOME"] = home.path
        environment["XDG_CONFIG_HOME"] = nil
        let regionless = try Spawn.run([TmuxSession.opsdeck, "snapshot", "--profile", "ops"], environment: environment)
        #expect(regionless.status == 2 && regionless.output.contains("profile 'ops' names no region: pass --region REGION or run aws configure set region REGION --profile ops"),
                "\(regionless.output)")
        let badRegion = try Spawn.run([TmuxSession.opsdeck, "snapshot", "--profile", "ops", "--region", "eu-west-1/../x"], environment: environment)
        #expect(badRegion.status != 0 && badRegion.output.contains("--region 'eu-west-1/../x' is not a region name"))
    }

    @Test func invalidConfigNamesTheLineOrKey() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-bad-\(UUID().uuidString).toml")
        defer { try? FileManager.default.removeItem(at: file) }
        try "[environments.dev]\naccount_id = \"104729364815\"\nregion = eu-west-1\n".write(to: file, atomically: true, encoding: .utf8)
        let syntax = try run(["snapshot", "--config", file.path])
        #expect(syntax.status == 2 && syntax.output.contains("\(file.path) line 3: 'eu-west-1' is not a value (strings need quotes)"))
        try "[environments.dev]\naccount_id = \"104729364815\"\n".write(to: file, atomically: true, encoding: .utf8)
        let missing = try run(["snapshot", "--format", "json", "--config", file.path])
        #expect(missing.status == 2 && missing.output.contains("environments.dev.region is missing (and AWS_REGION is not set)"))
    }
}

extension CLITests {
    @Test func damagedRecordingsNameTheLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-rec-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try #"{"format":"opsdeck-recording","version":7}"#.write(to: file, atomically: true, encoding: .utf8)
        let future = try run(["replay", file.path])
        #expect(future.status == 2 && future.output == "opsdeck: \(file.path): recording line 1: version 7 is newer than this opsdeck reads (2); upgrade opsdeck\n")
        let missing = try run(["replay", "/nonexistent.jsonl", "--format", "json"])
        #expect(missing.status == 2 && missing.output == "opsdeck: /nonexistent.jsonl: cannot be read (No such file or directory)\n")
    }
}
