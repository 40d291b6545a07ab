import Foundation
import Testing
import Telemetry
@testable import AWSCore
@testable import ConsoleCore

/// opsdeck against a real AWS emulator: moto server with signature checking, three accounts reached by AssumeRole.
@Suite(.serialized) struct LiveMotoTests {
    /// Runs `opsdeck ARGS` against the platform and returns its exit status, stdout and stderr together.
    func opsdeck(_ platform: MotoPlatform, _ arguments: [String], secret: String? = nil) throws -> (status: Int32, output: String) {
        try Spawn.run([TmuxSession.opsdeck] + arguments + ["--config", platform.configFile.path], environment: platform.processEnvironment(secret: secret))
    }

    @Test func snapshotShowsWhatWasSeededInEveryAccount() throws {
        let platform = try MotoPlatform()
        let (status, output) = try opsdeck(platform, ["snapshot", "--format", "json"])
        #expect(status == 0, "\(output)")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let snapshot = try decoder.decode(Snapshot.self, from: Data(output.utf8))

        let accounts = platform.seeded["accounts"] as! [String: [String: String]]
        #expect(snapshot.accounts.map(\.environment) == ["dev", "staging", "prod"])
        for account in snapshot.accounts {
            #expect(account.health == .ok && account.error == nil)
            #expect(account.accountId == accounts[account.environment]?["account_id"] && account.region == accounts[account.environment]?["region"])
        }
        for name in ["dev", "staging", "prod"] {
            let seeded = platform.environment(name)
            #expect(snapshot.stacks.filter { $0.environment == name && !$0.isStackSet }.map(\.name).sorted() == (seeded["stacks"] as! [String]),
                    "only platform- stacks, in the account they were created in")
            #expect(snapshot.stacks.filter { $0.environment == name && $0.isStackSet }.map(\.name) == (seeded["stack_sets"] as? [String] ?? []))
            for (function, values) in seeded["functions"] as! [String: [String: Any]] {
                let row = try #require(snapshot.lambdas.first { $0.environment == name && $0.function == function })
                #expect(row.invocations == values["invocations"] as! Double && row.errors == values["errors"] as! Double)
                #expect(row.errorHistory == (values["error_history"] as! [Double]))
                if let maximum = values["duration_max"] as? Double {
                    #expect(row.durationStatistic == "Maximum" && row.durationP95Ms == maximum, "moto refuses p95 here: read as Maximum, the rest kept")
                } else {
                    #expect(row.durationStatistic == nil)
                }
            }
            for (table, values) in seeded["tables"] as! [String: [String: Double]] {
                let row = try #require(snapshot.tables.first { $0.environment == name && $0.table == table })
                #expect(row.consumedWCU == values["consumed_wcu"] && row.provisionedWCU == values["provisioned_wcu"])
            }
            let alarms = Dictionary(uniqueKeysWithValues: snapshot.alarms.filter { $0.environment == name }.map { ($0.name, $0.state.rawValue) })
            #expect(alarms == seeded["alarms"] as! [String: String])
            for (port, counts) in seeded["flows"] as! [String: [String: Int]] {
                let row = try #require(snapshot.flows.ports.first { $0.environment == name && "\($0.port)/\($0.proto)" == port })
                #expect(row.accepted == counts["accepted"] && row.rejected == counts["rejected"])
            }
            #expect(snapshot.flows.peerings.filter { $0.environment == name }.map(\.id) == (seeded["peerings"] as! [String]))
        }
        let s3 = try #require(snapshot.replication.first { $0.kind == .s3 })
        #expect(s3.resource == "opsdeck-staging-ingest" && s3.latestSeconds == 640 && s3.source == "staging" && s3.destination == "prod")
    }

    @Test func aSectionMotoCannotAnswerFailsAloneAndSaysWhichCall() throws {
        let platform = try MotoPlatform()
        let config = try String(contentsOf: platform.configFile, encoding: .utf8)
        try config.replacingOccurrences(of: "[environments.dev.watch]\n", with: "[environments.dev.watch]\nrules = \"all\"\n").write(to: platform.configFile, atomically: true, encoding: .utf8)
        let (status, output) = try opsdeck(platform, ["snapshot", "--format", "json"])
        #expect(status == 1, "a failed section makes the snapshot incomplete: \(output)")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let snapshot = try decoder.decode(Snapshot.self, from: Data(output.utf8))
        #expect(snapshot.accounts.map(\.health) == [.partial, .ok, .ok])
        let dev = snapshot.accounts[0]
        #expect(dev.failedSections == [.compliance])
        #expect(dev.lastSuccess != nil, "the sections that answered count as the account's last success")
        let failure = try #require(dev.sections[.compliance]?.failure)
        #expect(failure.call == "config:DescribeComplianceByConfigRule", "\(failure)")
        #expect(dev.sections[.stacks]?.phase == .fresh && dev.sections[.alarms]?.phase == .fresh && dev.sections[.metrics]?.phase == .fresh)
        #expect(!snapshot.stacks.filter { $0.environment == "dev" }.isEmpty && !snapshot.lambdas.filter { $0.environment == "dev" }.isEmpty)

        let text = try opsdeck(platform, ["snapshot", "--format", "text"])
        #expect(text.status == 1)
        #expect(text.output.contains("== Compliance (compliance unavailable in dev: \(failure.summary))\nENV  STATE\ndev  compliance unavailable: \(failure.summary)\n\n"),
                "no count for staging and prod, which watch no rules, and no empty list: \(text.output)")
        #expect(dev.sections[.compliance]?.phase == .failed && snapshot.accounts[1].sections[.compliance]?.phase == .notConfigured)
        #expect(failure.cause == .serverError && failure.summary == "ServerError (HTTP 500) on config:DescribeComplianceByConfigRule", "moto's 500 page is a server error")
        for panel in ["Stacks", "Lambda", "Alarms", "DynamoDB throughput"] {
            let header = try #require(text.output.split(separator: "\n").first { $0.hasPrefix("== \(panel) (") })
            #expect(!header.contains("unavailable") && !header.contains("stale") && !header.contains("dev"), "\(header)")
        }
        // The API calls are the requests sent: each account's AssumeRole, and the failing call's retries.
        let calls = try #require(text.output.split(separator: "\n").first { $0.hasPrefix("API calls: ") })
        let counts = Dictionary(uniqueKeysWithValues: calls.drop { $0 != "(" }.dropFirst().dropLast().components(separatedBy: ", ").map { entry in
            (String(entry[..<entry.lastIndex(of: " ")!]), Int(entry[entry.index(after: entry.lastIndex(of: " ")!)...])!)
        })
        #expect(counts["sts AssumeRole"] == 3 && counts["sts GetCallerIdentity"] == 3, "\(calls)")
        #expect(counts["config DescribeComplianceByConfigRule"] == RetryPolicy().maxAttempts, "each attempt at the failing call is counted: \(calls)")
        #expect(calls.hasPrefix("API calls: \(counts.values.reduce(0, +)) ("), "\(calls)")
    }

    @Test func badSecretAndMissingProfileAreReportedPerAccount() throws {
        let platform = try MotoPlatform()
        let (status, output) = try opsdeck(platform, ["snapshot", "--format", "text"], secret: "not-the-secret")
        #expect(status == 1)
        #expect(output.contains("dev      104729364815  eu-west-1  error   never"))
        #expect(output.contains("could not assume arn:aws:iam::104729364815:role/OpsdeckReadOnly"))
        #expect(output.contains("SignatureDoesNotMatch"), "moto checked the signature: \(output)")
        #expect(!output.contains("not-the-secret"), "the secret never appears")

        let text = try String(contentsOf: platform.configFile, encoding: .utf8)
        try text.replacingOccurrences(of: "[environments.prod]\n", with: "[environments.prod]\nprofile = \"missing\"\n").write(to: platform.configFile, atomically: true, encoding: .utf8)
        let partial = try opsdeck(platform, ["snapshot", "--format", "text"])
        #expect(partial.status == 1)
        #expect(partial.output.contains("prod     398126457039  us-east-1  error   never                 credentials: profile 'missing' is not in ~/.aws/config"))
        #expect(partial.output.contains("dev      104729364815  eu-west-1  ok"), "other accounts go on: \(partial.output)")
        #expect(partial.output.contains("platform-data-staging"))
    }

    @Test func liveConsoleShowsTheSeededAlarmInTmux() throws {
        let platform = try MotoPlatform()
        let environment = platform.processEnvironment().filter { $0.key.hasPrefix("AWS_") || $0.key == "HOME" || $0.key == "XDG_CONFIG_HOME" }
        let exports = environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let session = try TmuxSession(width: 160, height: 48, command: "env \(exports) \(TmuxSession.opsdeck) --config \(platform.configFile.path)")
        defer { session.kill() }
        let screen = try session.waitFor(20) { $0.contains("staging-csv-errors") && $0.contains("platform-network-prod") }
        #expect(screen.contains("LIVE"))
        #expect(screen.contains("ALARM  staging staging-csv-errors"))
        #expect(screen.contains("● dev ● staging ● prod"))
        try session.send("7", "Enter")
        try session.waitFor { $0.contains("AWS/Lambda") && $0.contains("Reason") }
        try session.send("Escape", "q")
        try session.waitFor { $0.contains("[exit 0]") }
    }

    @Test func enterAndLOnAFunctionShowItsSettingsChartsAndLogsFromMoto() throws {
        let platform = try MotoPlatform()
        let seeded = platform.environment("staging")["detail"] as! [String: String]
        let secret = "seeded-secret-value-1f2e"
        let settings: [String: Any] = ["Runtime": "python3.12", "MemorySize": 512, "Timeout": 45, "Handler": "ingest.handler",
                                       "Environment": ["Variables": ["PARTNER_TOKEN": secret, "LOG_LEVEL": "INFO"]]]
        try JSONSerialization.data(withJSONObject: [seeded["function"]!: settings]).write(to: platform.directory.appendingPathComponent("lambda.json"))
        let calls = try platform.startStub()
        let environment = platform.processEnvironment().filter { $0.key.hasPrefix("AWS_") || $0.key == "HOME" || $0.key == "XDG_CONFIG_HOME" }
        let exports = (environment.map { "\($0.key)='\($0.value)'" } + ["LANG=C.UTF-8"]).sorted().joined(separator: " ")
        let logs = platform.directory.appendingPathComponent("opsdeck.log")
        let text = try String(contentsOf: platform.configFile, encoding: .utf8)
        try ("log_level = \"debug\"\n" + text).write(to: platform.configFile, atomically: true, encoding: .utf8)
        let session = try TmuxSession(width: 160, height: 48, command: "env \(exports) \(TmuxSession.opsdeck) --config \(platform.configFile.path) --log \(logs.path)")
        defer { session.kill() }
        try session.waitFor(20) { $0.contains("staging-csv-processor") && $0.contains("● dev ● staging ● prod  data") }
        try session.filter(panel: "3", "staging-csv")
        try session.send("Enter")
        // GetFunctionConfiguration, GetFunctionConcurrency and ListEventSourceMappings, signed, then one GetMetricData for the hour.
        var screen = try session.waitFor(20) { $0.contains("python3.12") && $0.contains("Fetched") }
        #expect(screen.contains("512 MB") && screen.contains("45 s") && screen.contains("ingest.handler"))
        #expect(screen.contains("LOG_LEVEL, PARTNER_TOKEN (names only)"))
        #expect(!screen.contains(secret), "an environment variable's value reached the screen")
        #expect(screen.contains("Reserved concurrency  100"))
        #expect(screen.contains("Invocations") && screen.contains("Duration") && screen.contains(" UTC"))
        #expect(screen.contains("staging-csv-errors ALARM"), "the alarm on the function is listed with its state")
        #expect(screen.contains("7 metrics"))
        try session.send("2")
        screen = try session.waitFor { $0.contains("· 3h") && $0.contains("Fetched") }
        #expect(screen.contains("/5m"), "three hours are read in five-minute periods")
        // l on the same row tails its log group: FilterLogEvents against moto, signed; i asks Logs Insights (the stub).
        try session.send("Escape", "l")
        screen = try session.waitFor(20) { $0.contains("logs staging /aws/lambda/staging-csv-processor") && $0.contains(seeded["log_line"]!) }
        #expect(screen.contains("REPORT RequestId: 6f1c2e3a") && screen.contains("START RequestId: 6f1c2e3a"))
        try session.send("i")
        screen = try session.waitFor(20) { $0.contains("Top errors, last 1h") && $0.contains("141B scanned") }
        #expect(screen.contains("Test BENCHMARK 3"), "a row without the stats fields counts under its message")
        try session.send("Escape", "Escape")
        try session.filter(panel: "4", "orders-staging")
        try session.send("Enter")
        screen = try session.waitFor(20) { $0.contains("Key schema") && $0.contains("Fetched") }
        #expect(screen.contains("pk (HASH), sk (RANGE)") && screen.contains("PAY_PER_REQUEST"))
        #expect(screen.contains("Write capacity"))
        try session.send("Escape", "q")
        try session.waitFor { $0.contains("[exit 0]") }
        let log = try String(contentsOf: calls, encoding: .utf8)
        #expect(log.contains(#""action": "GetFunctionConfiguration", "params": {"FunctionName": "staging-csv-processor"}"#))
        #expect(log.contains(#"{"action": "GetMetricData", "forwarded": true}"#) && log.contains(#"{"action": "DescribeTable", "forwarded": true}"#))
        #expect(log.contains(#"{"action": "FilterLogEvents", "forwarded": true}"#))
        let started = try #require(log.split(separator: "\n").first { $0.contains(#""action": "StartQuery""#) })
        #expect(started.contains("stats count(*) as count by error") && started.contains("/aws/lambda/staging-csv-processor"))
        #expect(log.components(separatedBy: #""action": "GetQueryResults""#).count - 1 == 2, "polled until Complete")
        let logged = try String(contentsOf: logs, encoding: .utf8)
        #expect(logged.contains("lambda GetFunctionConfiguration ok"))
        #expect(!logged.contains(secret), "an environment variable's value reached the log")
    }

    /// Every credential the recording must not contain: the operator's keys, any moto session token, any signature.
    func assertNoSecrets(_ text: String, _ platform: MotoPlatform) {
        for secret in [platform.operatorKeys.secret, platform.operatorKeys.id, "FQoGZXIvYXdzEBYaD", "AWS4-HMAC-SHA256", "Signature=", "X-Amz-Security-Token"] {
            #expect(!text.contains(secret), "recording contains \(secret.prefix(8))…")
        }
    }

    @Test func recordedPollReplaysToTheSameSnapshotAndHoldsNoSecrets() throws {
        let platform = try MotoPlatform()
        let file = platform.directory.appendingPathComponent("poll.jsonl.gz")
        let live = try opsdeck(platform, ["snapshot", "--format", "json", "--record", file.path])
        #expect(live.status == 0, "\(live.output)")
        let replayed = try Spawn.run([TmuxSession.opsdeck, "replay", file.path, "--format", "json"])
        #expect(replayed.status == 0)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var expected = try decoder.decode(Snapshot.self, from: Data(live.output.utf8))
        #expect(expected.accounts.allSatisfy { $0.credentials?.origin.hasPrefix("assumed role OpsdeckReadOnly via env") == true })
        for index in expected.accounts.indices { expected.accounts[index].credentials = nil }
        #expect(try decoder.decode(Snapshot.self, from: Data(replayed.output.utf8)) == expected,
                "the replayed snapshot is the live one (but for where the live session's credentials came from, which is not recorded)")
        let plain = try Spawn.run(["sh", "-c", "gzip -dc '\(file.path)'"])
        #expect(plain.output.contains("\"op\":\"GetMetricData\"") && plain.output.contains("\"account\":\"398126457039\""))
        assertNoSecrets(plain.output, platform)
    }

    @Test func recordSessionThenReplayItInTheConsole() throws {
        let platform = try MotoPlatform()
        let file = platform.directory.appendingPathComponent("session.jsonl")
        let record = try opsdeck(platform, ["record", file.path, "--duration", "11"])
        #expect(record.status == 0, "\(record.output)")
        #expect(record.output.contains("cycle 1 at") && record.output.contains("cycle 2 at") && record.output.contains("dev ok; staging ok; prod ok"))
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.components(separatedBy: "{\"cycle\":").count - 1 == 2)
        #expect(text.components(separatedBy: "\"op\":\"GetCallerIdentity\"").count - 1 == 3, "identity is checked on the first cycle only")
        assertNoSecrets(text, platform)

        let session = try TmuxSession(width: 160, height: 48, command: "\(TmuxSession.opsdeck) replay \(file.path)")
        defer { session.kill() }
        let screen = try session.waitFor { $0.contains("REPLAY x1") && $0.contains("staging-csv-errors") }
        #expect(screen.contains("ALARM  staging staging-csv-errors"))
        #expect(screen.contains("platform-network-prod"))
        try session.send("Space")
        try session.waitFor { $0.contains("PAUSED") }
        try session.send("q")
        try session.waitFor { $0.contains("[exit 0]") }
    }

    @Test func triageAlarmsAndDriftFromTheKeyboard() throws {
        let platform = try MotoPlatform()
        let stubLog = try platform.startStub()
        let environment = platform.processEnvironment().filter { $0.key.hasPrefix("AWS_") || ["HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"].contains($0.key) }
        let exports = environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let session = try TmuxSession(width: 160, height: 48, command: "env \(exports) \(TmuxSession.opsdeck) --allow-actions --config \(platform.configFile.path)")
        defer { session.kill() }
        try session.waitFor(20) { $0.contains("staging-csv-errors") && $0.contains("platform-network-prod") }

        try session.send("7", "a")
        try session.waitFor { $0.contains("staging-csv-errors acknowledged") && $0.contains("ack") }
        let state = try String(contentsOf: platform.directory.appendingPathComponent("state/opsdeck/triage.json"), encoding: .utf8)
        #expect(state.contains("staging/staging-csv-errors"))

        try session.send("m")
        try session.waitFor { $0.contains("mute actions for (30m, 2h, 1d): 1h") }
        try session.send("Enter")
        try session.waitFor { $0.contains("DisableAlarmActions on staging/staging-csv-errors until") && $0.contains("[y/N]") }
        try session.send("y")
        try session.waitFor { $0.contains("actions disabled until") && $0.contains("muted 1h") }
        let calls = try String(contentsOf: stubLog, encoding: .utf8)
        #expect(calls.contains(#"{"action": "DisableAlarmActions", "params": {"AlarmNames": ["staging-csv-errors"]}}"#))

        try session.send("h")
        let history = try session.waitFor { $0.contains("History of staging/staging-csv-errors") }
        #expect(history.contains("StateUpdate: Alarm updated from OK to ALARM"))
        try session.send("Escape", "o")
        try session.waitFor { $0.contains("staging-csv-errors → Lambda, filtered to staging staging-csv-processor") && $0.contains("/staging staging-csv-processor") }

        try session.send("Escape", "1", "G", "k", "d")
        try session.waitFor { $0.contains("DetectStackDrift on prod/platform-data-prod? [y/N]") }
        try session.send("y")
        let drift = try session.waitFor { $0.contains("Drift of ") && $0.contains("/MemorySize") }
        #expect(drift.contains("expected 128 → actual 256 (NOT_EQUAL)"))
        #expect(drift.contains("DRIFTED, 1 resources drifted"))
        try session.send("Escape", "q")
        try session.waitFor { $0.contains("[exit 0]") }

        let report = try Spawn.run([TmuxSession.opsdeck, "triage-log", "--format", "markdown"], environment: platform.processEnvironment())
        #expect(report.status == 0)
        for line in ["| staging | acknowledge | staging-csv-errors |", "| staging | mute | staging-csv-errors | DisableAlarmActions until", "| detect-drift |"] {
            #expect(report.output.contains(line), "\(report.output)")
        }
        #expect(report.output.contains("arn:aws:sts::287514036912:assumed-role/OpsdeckReadOnly/opsdeck-staging"), "who is the caller identity")
    }

    @Test func actionsNeedTheFlag() throws {
        let platform = try MotoPlatform()
        let environment = platform.processEnvironment().filter { $0.key.hasPrefix("AWS_") || ["HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"].contains($0.key) }
        let exports = environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let session = try TmuxSession(width: 160, height: 48, command: "env \(exports) \(TmuxSession.opsdeck) --config \(platform.configFile.path)")
        defer { session.kill() }
        try session.waitFor(20) { $0.contains("staging-csv-errors") }
        try session.send("7", "m")
        try session.waitFor { $0.contains("DisableAlarmActions changes AWS: start opsdeck with --allow-actions") }
        try session.send("1", "d")
        try session.waitFor { $0.contains("DetectStackDrift changes AWS: start opsdeck with --allow-actions") }
    }

    /// Every operation the stub in front of moto was asked for, in order.
    func operations(_ log: URL) throws -> [String] {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["action"] as? String
        }
    }

    @Test func expiredMutesAreNeverRestoredWithoutTheFlag() throws {
        let platform = try MotoPlatform()
        let stubLog = try platform.startStub()
        let state = platform.directory.appendingPathComponent("state/opsdeck")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        try #"{"acknowledged": {}, "muted": {"staging/staging-csv-errors": "2020-01-01T00:00:00Z", "prod/any-alarm-name-at-all": "2020-01-01T00:00:00Z"}}"#
            .write(to: state.appendingPathComponent("triage.json"), atomically: true, encoding: .utf8)
        let muted = TriageLogEntry(time: Date(timeIntervalSince1970: 1_577_833_200), who: "ops", environment: "staging", action: "mute",
                                   target: "staging-csv-errors", detail: "DisableAlarmActions until 2020-01-01T00:00:00Z", outcome: "ok")
        try TriageLog.append(muted, to: state.appendingPathComponent("triage-log.jsonl"))
        let environment = platform.processEnvironment().filter { $0.key.hasPrefix("AWS_") || ["HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"].contains($0.key) }
        let exports = environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")

        let readOnly = try TmuxSession(width: 160, height: 48, command: "env \(exports) \(TmuxSession.opsdeck) --config \(platform.configFile.path)")
        let screen = try readOnly.waitFor(20) { $0.contains("staging-csv-errors") && $0.contains("ACTIONS OFF") && $0.contains("platform-network-prod") }
        #expect(screen.contains("restart with --allow-actions to re-enable"), "\(screen)")
        try readOnly.send("7", "Enter")
        // The detail view wraps the value where its column ends, so the two halves are looked for apart.
        try readOnly.waitFor(20) { $0.contains("actions still disabled since 00:00:00 UTC;") && $0.contains("--allow-actions to re-enable") && $0.contains("Fetched") }
        try readOnly.send("Escape", "q")
        try readOnly.waitFor(20) { $0.contains("[exit 0]") }
        readOnly.kill()
        let calls = try operations(stubLog)
        #expect(calls.contains("DescribeAlarms"), "the console polled through the stand-in: \(calls)")
        #expect(!calls.contains { APICall(.cloudWatch, $0, .json([:])).changesAWS }, "no call that changes AWS without --allow-actions: \(calls)")
        #expect(try TriageState.load(state.appendingPathComponent("triage.json")).muted.count == 2, "the mutes are kept until they can be restored")

        let allowed = try TmuxSession(width: 160, height: 48, command: "env \(exports) \(TmuxSession.opsdeck) --allow-actions --config \(platform.configFile.path)")
        defer { allowed.kill() }
        try allowed.waitFor(20) { $0.contains("staging-csv-errors actions enabled again") || $0.contains("staging-csv-errors: actions enabled again") }
        try allowed.send("q")
        try allowed.waitFor { $0.contains("[exit 0]") }
        let restored = try operations(stubLog).filter { APICall(.cloudWatch, $0, .json([:])).changesAWS }
        #expect(restored == ["EnableAlarmActions"], "only the mute this opsdeck logged is restored")
        let stubbed = try String(contentsOf: stubLog, encoding: .utf8)
        #expect(stubbed.contains(#"{"action": "EnableAlarmActions", "params": {"AlarmNames": ["staging-csv-errors"]}}"#))
        #expect(try TriageState.load(state.appendingPathComponent("triage.json")).muted.keys.map(\.description) == ["prod/any-alarm-name-at-all"])
    }

    @Test func theDiagnosticLogRecordsCallsAndTimingsButNoSecret() throws {
        let platform = try MotoPlatform()
        let text = try String(contentsOf: platform.configFile, encoding: .utf8)
        try ("log_level = \"debug\"\n" + text).write(to: platform.configFile, atomically: true, encoding: .utf8)
        let log = platform.directory.appendingPathComponent("opsdeck.log")
        let (status, output) = try opsdeck(platform, ["snapshot", "--format", "json", "--log", log.path])
        #expect(status == 0, "\(output.suffix(400))")
        let lines = try String(contentsOf: log, encoding: .utf8)
        for expected in ["debug opsdeck.aws: sts AssumeRole ok", "debug opsdeck.aws: monitoring GetMetricData ok", "info opsdeck.credentials: credentials fetched", "info opsdeck.poller: polled dev, staging, prod in "] {
            #expect(lines.contains(expected), "\(expected) in:\n\(lines.prefix(1500))")
        }
        #expect(lines.contains("attempt=1") && lines.contains("ms="))
        assertNoSecrets(lines, platform)
        #expect((try FileManager.default.attributesOfItem(atPath: log.path)[.posixPermissions] as? Int).map { $0 & 0o777 } == 0o600)
    }

    @Test func organizationAccountsAreDiscovered() throws {
        let platform = try MotoPlatform()
        let sandbox = (platform.seeded["organization"] as! [String: String])["sandbox"]!
        let text = try String(contentsOf: platform.configFile, encoding: .utf8)
        let discovery = "[discovery]\nrole_name = \"OpsdeckReadOnly\"\nregion = \"us-east-1\"\nendpoint_url = \"\(platform.url.absoluteString)\"\n\n"
        try text.replacingOccurrences(of: "[environments.dev]", with: discovery + "[environments.dev]").write(to: platform.configFile, atomically: true, encoding: .utf8)
        let (status, output) = try opsdeck(platform, ["snapshot", "--format", "text"])
        #expect(status == 1, "the sandbox account has no OpsdeckReadOnly role: \(output)")
        #expect(output.contains("ops-sandbox  \(sandbox)  us-east-1  error"), "\(output)")
        #expect(output.contains("dev          104729364815  eu-west-1  ok"), "configured accounts are not duplicated and still work: \(output)")
    }

    @Test func aProfileWithNoConfigIsWatchedWithWhatItsStacksHold() throws {
        let platform = try MotoPlatform()
        let found = try platform.seedDiscovery()
        _ = try platform.startStub()
        try #"{"\#(found["table"]!)": ["\#(found["replica_region"]!)"]}"#.write(to: platform.directory.appendingPathComponent("replicas.json"), atomically: true, encoding: .utf8)
        let aws = platform.directory.appendingPathComponent(".aws")
        try FileManager.default.createDirectory(at: aws, withIntermediateDirectories: true)
        try "[operator]\naws_access_key_id = \(platform.operatorKeys.id)\naws_secret_access_key = \(platform.operatorKeys.secret)\n"
            .write(to: aws.appendingPathComponent("credentials"), atomically: true, encoding: .utf8)
        let dev = (platform.seeded["accounts"] as! [String: [String: String]])["dev"]!
        try """
        [profile dev-admin]
        role_arn = arn:aws:iam::\(dev["account_id"]!):role/\(platform.seeded["role"] as! String)
        source_profile = operator
        external_id = \(platform.seeded["external_id"] as! String)
        region = \(dev["region"]!)
        """.write(to: aws.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        var environment = platform.processEnvironment()
        environment["AWS_ACCESS_KEY_ID"] = nil
        environment["AWS_SECRET_ACCESS_KEY"] = nil
        environment["AWS_ENDPOINT_URL"] = platform.stubURL!.absoluteString
        let run = try Spawn.run([TmuxSession.opsdeck, "snapshot", "--profile", "dev-admin", "--format", "json"], environment: environment)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let snapshot = try decoder.decode(Snapshot.self, from: Data(run.output.utf8))
        #expect(snapshot.accounts.map { "\($0.environment) \($0.accountId) \($0.region)" } == ["dev-admin \(dev["account_id"]!) \(dev["region"]!)"],
                "no config.toml: the profile's own account, read with GetCallerIdentity, in the profile's region")
        #expect(snapshot.accounts[0].failedSections == [.compliance] && run.status == 1, "only moto's missing Config compliance fails: \(run.output.suffix(400))")
        #expect(snapshot.accounts[0].sections[.discovery]?.phase == .fresh)
        #expect(Set(snapshot.stacks.map(\.name)).isSuperset(of: [found["stack"]!, "platform-data-dev", "sandbox-dev"]), "every stack, no prefix")
        #expect(snapshot.lambdas.map(\.function) == [found["function"]!], "the stack's function, found with ListStackResources")
        #expect(snapshot.tables.map(\.table) == [found["table"]!])
        let routes = snapshot.replication.map { "\($0.kind.rawValue) \($0.resource) \($0.destination)" }.sorted()
        #expect(routes == ["DynamoDB \(found["table"]!) \(found["replica_region"]!)", "S3 \(found["bucket"]!) 287514036912"],
                "the replica from DescribeTable, the rule from GetBucketReplication (to an account not watched here): \(routes)")
        let text = try Spawn.run([TmuxSession.opsdeck, "snapshot", "--profile", "dev-admin", "--format", "text"], environment: environment)
        let calls = try #require(text.output.split(separator: "\n").first { $0.hasPrefix("API calls: ") })
        // Discovery's calls, and the settings section's second DescribeTable and GetBucketReplication of what it found.
        for call in ["cloudformation ListStackResources 4", "dynamodb DescribeTable 2", "s3 GetBucketReplication 2", "s3 GetBucketPolicy 1", "sts AssumeRole 1"] {
            #expect(calls.contains(call), "every call is counted: \(calls)")
        }
    }

    /// The live console on the platform in tmux, with `environment`'s AWS settings and HOME.
    func console(_ platform: MotoPlatform, _ environment: [String: String]) throws -> TmuxSession {
        let exports = environment.filter { $0.key.hasPrefix("AWS_") || $0.key == "HOME" || $0.key == "XDG_CONFIG_HOME" }.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        return try TmuxSession(width: 160, height: 48, command: "env \(exports) \(TmuxSession.opsdeck) --config \(platform.configFile.path)")
    }

    /// The token cache file of the platform's sso-session, as `aws sso login` names it.
    func ssoCacheFile(_ platform: MotoPlatform) -> URL {
        SSOTokenCache(directory: platform.directory.appendingPathComponent(".aws/sso/cache")).file(for: "platform")
    }

    @Test func aSignedOutConsoleSaysWhatToRunAndRecoversWhenASignInAppears() throws {
        let platform = try MotoPlatform()
        let (environment, _) = try platform.startSSO()
        let session = try console(platform, environment)
        defer { session.kill() }
        let signedOut = try session.waitFor(20) { $0.contains("signed out") && $0.contains("aws sso login --sso-session platform") }
        #expect(signedOut.contains("dev (signed out)") || signedOut.contains("dev signed out"), "\(signedOut)")
        // `aws sso login` in another terminal writes the cache; the console picks it up on its next poll.
        try SSOToken(startUrl: "https://d-1234567890.awsapps.com/start", region: "eu-west-1", accessToken: "valid-1", expiresAt: Date().addingTimeInterval(3600))
            .write(to: ssoCacheFile(platform))
        let recovered = try session.waitFor(30) { $0.contains("● dev ● staging ● prod") && $0.contains("staging-csv-errors") }
        #expect(!recovered.contains("signed out"))
        try session.send("q")
    }

    @Test func theSignInKeyRunsTheDeviceFlowInsideTheConsole() throws {
        let platform = try MotoPlatform()
        let (environment, _) = try platform.startSSO()
        let session = try console(platform, environment)
        defer { session.kill() }
        try session.waitFor(20) { $0.contains("dev (signed out)") }
        try session.send("L")
        let prompt = try session.waitFor(20) { $0.contains("Sign in to sso-session platform") && $0.contains("WXYZ-1234") }
        #expect(prompt.contains("https://device.sso.example/?user_code=WXYZ-1234"))
        try session.waitFor(20) { $0.contains("signed in to sso-session platform") }
        try session.send("Escape")
        try session.waitFor(30) { $0.contains("● dev ● staging ● prod") && $0.contains("staging-csv-errors") }
        try session.send("q")
    }

    @Test func loginSignsInWithTheDeviceFlowAndTheConsoleUsesAndRefreshesIt() throws {
        let platform = try MotoPlatform()
        let (environment, log) = try platform.startSSO()
        let login = try Spawn.run([TmuxSession.opsdeck, "login", "--sso-session", "platform"], environment: environment)
        #expect(login.status == 0, "\(login.output)")
        #expect(login.output.contains("confirm the code WXYZ-1234") && login.output.contains("https://device.sso.example/?user_code=WXYZ-1234"))
        let cached = try JSONDecoder().decode(SSOToken.self, from: Data(contentsOf: ssoCacheFile(platform)))
        #expect(cached.accessToken == "valid-device" && cached.clientId == "stub-client" && cached.refreshToken == "refresh-1" && cached.registrationExpiresAt != nil)
        let calls = try String(contentsOf: log, encoding: .utf8)
        #expect(calls.hasPrefix("POST /client/register\nPOST /device_authorization\nPOST /token\nPOST /token\n"), "pending once, then the token: \(calls)")

        // A token five minutes from expiry is refreshed with the cached registration and written back.
        var expiring = cached
        expiring.expiresAt = AWSDate.format(Date().addingTimeInterval(300))
        try expiring.write(to: ssoCacheFile(platform))
        let snapshot = try Spawn.run([TmuxSession.opsdeck, "snapshot", "--format", "text", "--config", platform.configFile.path], environment: environment)
        #expect(snapshot.status == 0, "\(snapshot.output.suffix(600))")
        let credentials = snapshot.output.components(separatedBy: "== Credentials\n").last?.components(separatedBy: "\n\n").first ?? ""
        #expect(credentials.split(separator: "\n").filter { $0.contains("assumed role OpsdeckReadOnly via sso-session platform PlatformOperator") }.count == 3,
                "where each account's credentials come from, and when they expire: \(credentials)")
        let refreshed = try JSONDecoder().decode(SSOToken.self, from: Data(contentsOf: ssoCacheFile(platform)))
        #expect(refreshed.accessToken == "valid-refreshed" && (refreshed.expiry ?? .distantPast) > Date().addingTimeInterval(7 * 3600))
        #expect(try String(contentsOf: log, encoding: .utf8).components(separatedBy: "GET /federation/credentials").count == 2, "one GetRoleCredentials for every account")
    }
}

extension SSOToken {
    /// Writes the token as `aws sso login` does.
    func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try JSONEncoder().encode(self).write(to: url)
    }
}
