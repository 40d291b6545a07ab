import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo
@testable import Panels
@testable import ConsoleCore

/// The opsdeck binary against hostile and unlucky input: a clear message and a running console (or exit 2), never a crash.
@Suite struct HostileInputTests {
    let directory: URL = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-hostile-\(UUID().uuidString.prefix(8))")

    init() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Runs opsdeck (through sh when `shell` redirects) with a clean HOME; exit status and output.
    func run(_ arguments: [String], redirect: String? = nil) throws -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["HOME"] = directory.path
        environment["XDG_STATE_HOME"] = directory.appendingPathComponent("state").path
        environment["XDG_CONFIG_HOME"] = nil
        guard let redirect else { return try Spawn.run([TmuxSession.opsdeck] + arguments, environment: environment) }
        return try Spawn.run(["sh", "-c", ([TmuxSession.opsdeck] + arguments).map { "'\($0)'" }.joined(separator: " ") + " " + redirect], environment: environment)
    }

    /// A ten-minute demo recording whose exchanges `edit` may change (body by operation), written to a file.
    func recording(_ name: String, edit: (String, inout JSONValue) -> Void = { _, _ in }) async throws -> URL {
        let plain = directory.appendingPathComponent("plain-\(name).jsonl")
        try await DemoRecording.generate(to: plain, story: DemoStory(step: 300, duration: 600), gzip: false)
        let lines = try String(contentsOf: plain, encoding: .utf8).split(separator: "\n").map { line -> String in
            guard line.contains(#""op":"#), var exchange = try? JSONDecoder().decode([String: JSONValue].self, from: Data(line.utf8)),
                  let op = exchange["op"]?.string, let body = exchange["body"]?.string,
                  var parsed = try? JSONDecoder().decode(JSONValue.self, from: Data(body.utf8)) else { return String(line) }
            edit(op, &parsed)
            exchange["body"] = .string(String(decoding: parsed.encoded, as: UTF8.self))
            return String(decoding: JSONValue.object(exchange).encoded, as: UTF8.self)
        }
        let url = directory.appendingPathComponent("\(name).jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// `value` with every metric value replaced by ±1e300.
    static func hugeMetrics(_ op: String, _ value: inout JSONValue) {
        guard op == "GetMetricData", case .object(var root) = value, case .array(let results)? = root["MetricDataResults"] else { return }
        root["MetricDataResults"] = .array(results.map { result in
            guard case .object(var fields) = result else { return result }
            fields["Values"] = .array(result["Values"]?.array.indices.map { .number($0 % 2 == 0 ? 1e300 : -1e300) } ?? [])
            return .object(fields)
        })
        value = .object(root)
    }

    static let hostileName = "csv\u{1B}]0;owned\u{07}\u{1B}]52;c;cHduZWQ=\u{07}-errors"

    /// `value` with every alarm renamed to carry a title change and an OSC 52 clipboard write.
    static func escapingAlarms(_ op: String, _ value: inout JSONValue) {
        guard op == "DescribeAlarms", case .object(var root) = value, case .array(let alarms)? = root["MetricAlarms"] else { return }
        root["MetricAlarms"] = .array(alarms.map { alarm in
            guard case .object(var fields) = alarm else { return alarm }
            fields["AlarmName"] = .string(hostileName)
            return .object(fields)
        })
        value = .object(root)
    }

    @Test func metricValuesThatDoNotFitAnIntAreShownInTextAndTheConsole() async throws {
        let file = try await recording("huge", edit: Self.hugeMetrics)
        let text = try run(["replay", file.path, "--format", "text"])
        #expect(text.status == 0, "\(text.output.suffix(600))")
        #expect(text.output.contains("1e+300"))
        let tmux = try TmuxSession(width: 160, height: 48, command: "\(TmuxSession.opsdeck) replay \(file.path)")
        defer { tmux.kill() }
        try tmux.waitFor { $0.contains("3 Lambda") && $0.contains("e+300") }
        try tmux.send("3", "Enter")
        try tmux.waitFor { $0.contains("Invocations") && $0.contains("1e+300") }
        try tmux.send("Escape", "q")
        try tmux.waitFor { $0.contains("[exit 0]") }
    }

    @Test func escapeSequencesInAWSDataAreShownNotSent() async throws {
        let file = try await recording("escapes", edit: Self.escapingAlarms)
        let text = try run(["replay", file.path, "--format", "text"])
        #expect(text.status == 0)
        #expect(text.output.contains(#"csv\x1b]0;owned\x07\x1b]52;c;cHduZWQ=\x07-errors"#), "\(text.output.suffix(800))")
        #expect(!text.output.utf8.contains(0x1B) && !text.output.utf8.contains(0x07), "no raw escape or bell reaches the terminal")
        let json = try run(["replay", file.path, "--format", "json"])
        #expect(json.status == 0 && json.output.contains(#"csv\u001b]0;owned\u0007"#) && !json.output.utf8.contains(0x1B))

        let state = directory.appendingPathComponent("state/opsdeck/triage-log.jsonl")
        try TriageLog.append(TriageLogEntry(time: Date(), who: "ops\u{1B}[2J", environment: "staging", action: "mute", target: Self.hostileName, detail: "d\u{9B}31m", outcome: "ok"), to: state)
        let markdown = try run(["triage-log", "--format", "markdown"])
        #expect(markdown.status == 0 && markdown.output.contains(#"| ops\x1b[2J | staging | mute | csv\x1b]0;owned"#), "\(markdown.output)")
        #expect(!markdown.output.utf8.contains(0x1B) && !markdown.output.unicodeScalars.contains("\u{9B}"))
    }

    @Test func aHostileRecordingIsRefusedWithItsLine() async throws {
        let file = try await recording("header")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        lines[0] = lines[0].replacingOccurrences(of: #""version":2"#, with: #""version":1e23"#)
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let future = try run(["replay", file.path])
        #expect(future.status == 2 && future.output == "opsdeck: \(file.path): recording line 1: version 1e+23 is newer than this opsdeck reads (2); upgrade opsdeck\n")
    }

    @Test func aGzipBombIsStoppedAtTheSizeLimit() throws {
        let writer = GzipWriter()
        var bomb = writer.compress(Data(#"{"format":"opsdeck-recording","version":2}"#.utf8) + Data(repeating: 0x20, count: 1 << 20))
        for _ in 0..<7 { bomb += writer.compress(Data(repeating: 0x20, count: 1 << 20)) }
        bomb += writer.compress(Data(), final: true)
        let file = directory.appendingPathComponent("bomb.jsonl.gz")
        try bomb.write(to: file)
        let refused = try run(["replay", file.path, "--max-size", "4", "--format", "json"])
        #expect(refused.status == 2 && refused.output.contains("recording: inflates to more than 4 MB") && refused.output.contains("--max-size raises the limit"), "\(refused.output)")
    }

    @Test func writesThatFailAreErrorsNotSilentLosses() async throws {
        let file = try await recording("full")
        let printed = try run(["replay", file.path, "--format", "text"], redirect: "> /dev/full")
        #expect(printed.status == 1 && printed.output.contains("cannot write standard output: No space left on device"), "\(printed.output)")
        let config = directory.appendingPathComponent("config.toml")
        try "[environments.dev]\naccount_id = \"104729364815\"\nregion = \"eu-west-1\"\nendpoint_url = \"http://127.0.0.1:9\"\n".write(to: config, atomically: true, encoding: .utf8)
        let recorded = try run(["record", "/dev/full", "--duration", "1", "--config", config.path])
        #expect(recorded.status != 0 && recorded.output.contains("cannot write /dev/full: No space left on device"), "\(recorded.output)")
        #expect(!recorded.output.contains("wrote"))
        let missing = try run(["replay", directory.appendingPathComponent("none.jsonl").path])
        #expect(missing.output.hasSuffix("none.jsonl: cannot be read (No such file or directory)\n"), "\(missing.output)")
    }

    @Test(arguments: [
        ("poll_interval = 1e300\n", "poll_interval must be 10 to 86400 seconds"),
        ("x = " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "\n", "line 1: exceeded maximum nested value depth of 256"),
        ("[environments.dev]\naccount_id = \"104729364815\"\nregion = \"eu-west-1/../x\"\n", "environments.dev.region 'eu-west-1/../x' is not a region name"),
        ("[environments.dev]\naccount_id = \"104729364815\"\nregion = \"eu-west-1\\u0000\"\n", "line 3: NUL characters are not allowed in TOML"),
        ("[environments.\"\"]\naccount_id = \"104729364815\"\nregion = \"eu-west-1\"\n", "environment name '' must be 1 to 40 letters"),
        ("[environments.\"a/b\"]\naccount_id = \"104729364815\"\nregion = \"eu-west-1\"\n", "environment name 'a/b' must be 1 to 40 letters"),
    ])
    func badConfigValuesAreRefusedByName(text: String, message: String) throws {
        let config = directory.appendingPathComponent("config-\(UUID().uuidString.prefix(6)).toml")
        try text.write(to: config, atomically: true, encoding: .utf8)
        let result = try run(["snapshot", "--config", config.path])
        #expect(result.status == 2 && result.output.hasPrefix("opsdeck: \(config.path)") && result.output.contains(message), "\(result.output)")
    }

    @Test func keyAndThemeFilesCannotBreakTheConsole() throws {
        let keys = directory.appendingPathComponent("keys.toml")
        try "[keys]\nquit = []\nzoom = [\"Z\"]\n".write(to: keys, atomically: true, encoding: .utf8)
        let theme = directory.appendingPathComponent("deep.toml")
        try ("[roles]\nok = " + String(repeating: "{a = ", count: 30_000) + "1" + String(repeating: "}", count: 30_000) + "\n").write(to: theme, atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 160, height: 48, command: "\(TmuxSession.opsdeck) --demo --keys \(keys.path) --theme \(theme.path)")
        defer { tmux.kill() }
        let screen = try tmux.waitFor { $0.contains("1 Stacks") && $0.contains("using dark") }
        #expect(screen.contains("quit needs at least one key; keeping q Ctrl-C"), "\(screen)")
        #expect(screen.contains("deep.toml line 2: exceeded maximum nested value depth of 256"), "\(screen)")
        try tmux.send(":", "t", "h", "e", "m", "e", " ")
        for character in theme.path { try tmux.send(String(character)) }
        try tmux.send("Enter")
        try tmux.waitFor { $0.contains("exceeded maximum nested value depth") }
        try tmux.send("q")
        try tmux.waitFor { $0.contains("[exit 0]") }
    }

    /// Whether a process with `text` in its command line is alive.
    func running(_ text: String) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).contains { entry in
            guard Int(entry) != nil, let line = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return false }
            let state = (try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
            return state != "Z" && String(decoding: line, as: UTF8.self).contains(text)
        }
    }

    @Test func aCredentialProcessThatNeverAnswersIsStopped() throws {
        let aws = directory.appendingPathComponent(".aws")
        try FileManager.default.createDirectory(at: aws, withIntermediateDirectories: true)
        try "[profile hang]\ncredential_process = sleep 1003\n".write(to: aws.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        let config = directory.appendingPathComponent("hang.toml")
        try "credential_process_timeout = 2\n[environments.dev]\naccount_id = \"104729364815\"\nregion = \"eu-west-1\"\nprofile = \"hang\"\nendpoint_url = \"http://127.0.0.1:9\"\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let snapshot = try run(["snapshot", "--format", "text", "--config", config.path])
        #expect(snapshot.status == 1, "\(snapshot.output)")
        #expect(snapshot.output.contains("credential_process did not answer within 2 s and was stopped"), "\(snapshot.output)")
        #expect(!running("sleep 1003"))

        try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: "credential_process_timeout = 2", with: "credential_process_timeout = 600")
            .write(to: config, atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 160, height: 48, command: "env HOME=\(directory.path) \(TmuxSession.opsdeck) --config \(config.path)")
        defer { tmux.kill() }
        try tmux.waitFor { $0.contains("1 Stacks") && $0.contains("dev") }
        #expect(running("sleep 1003"), "the console draws while the helper runs")
        try tmux.send("q")
        try tmux.waitFor { $0.contains("[exit 0]") }
        #expect(!running("sleep 1003"), "the helper does not outlive the console")
    }

    @Test func ctrlCQuitsWhateverTheKeyFileSays() throws {
        let keys = directory.appendingPathComponent("keys-x.toml")
        try "[keys]\nquit = [\"x\"]\n".write(to: keys, atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(width: 120, height: 40, command: "\(TmuxSession.opsdeck) --demo --keys \(keys.path)")
        defer { tmux.kill() }
        try tmux.waitFor { $0.contains("1 Stacks") }
        try tmux.send("C-c")
        try tmux.waitFor { $0.contains("[exit 0]") }
    }
}
