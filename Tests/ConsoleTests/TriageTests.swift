import Foundation
import Testing
@testable import opsdeck
@testable import Panels
@testable import Telemetry
@testable import ConsoleCore
@testable import AWSCore
@testable import Demo
@testable import Recording

/// The triage reducer: what each key asks for, in live and replay mode, with and without --allow-actions.
@Suite struct TriageReducerTests {
    let story = DemoStory()
    let csvErrors = AlarmKey(environment: "staging", name: "staging-csv-processor-Errors")
    let otherAlarm = AlarmKey(environment: "prod", name: "any-alarm-name-at-all")

    /// A live console showing the demo at ten minutes (four alarms firing).
    func live(allowActions: Bool = true) -> AppState {
        var state = AppState(live: story.snapshot(at: 600), now: story.date(612), bindings: .defaults)
        state.allowActions = allowActions
        return state
    }

    @discardableResult
    func press(_ state: inout AppState, _ keys: Key...) -> ConsoleEffect? {
        var effect: ConsoleEffect?
        for key in keys { effect = state.handle(.key(key)) }
        return effect
    }

    @Test func acknowledgeTogglesAndIsSavedAndLogged() throws {
        var s = live()
        let effect = press(&s, .char("7"), .char("a"))
        let key = try #require(s.snapshot.alarms.first { $0.acknowledgedAt != nil }).key
        #expect(s.triage.acknowledged[key] == story.date(612))
        guard case .triage(let requests)? = effect, case .save(let saved) = requests[0], case .record(let entry) = requests[1] else {
            Issue.record("expected save and record, got \(String(describing: effect))")
            return
        }
        #expect(saved.acknowledged[key] != nil && entry.action == "acknowledge" && key.name == entry.target)
        #expect(s.selectedKey(.alarms) != key.description, "the acknowledged alarm sorts below the unacknowledged ones")
        let again = s.snapshot.alarms.first { $0.key == key }!
        s.view.selection[.alarms] = PanelCatalog.panel(.alarms).content(for: s.snapshot).rows.firstIndex { $0.key == again.key.description }
        press(&s, .char("a"))
        #expect(s.triage.acknowledged.isEmpty)
    }

    @Test func acknowledgementsEndWhenTheAlarmRecovers() {
        var s = live()
        press(&s, .char("7"), .char("a"))
        #expect(s.triage.acknowledged.count == 1)
        let effect = s.handle(.snapshot(story.snapshot(at: 1800)))
        #expect(s.triage.acknowledged.isEmpty)
        #expect(effect == .triage([.save(s.triage)]))
    }

    @Test func muteAsksForADurationThenConfirmation() throws {
        var s = live()
        press(&s, .char("7"), .char("m"))
        #expect(s.view.prompt == .init(kind: .muteDuration, text: "1h"))
        press(&s, .backspace, .backspace, .char("3"), .char("0"), .char("m"), .enter)
        guard case .confirm(let question)? = s.view.prompt?.kind else { Issue.record("no confirmation"); return }
        #expect(question.hasPrefix("DisableAlarmActions on staging/"))
        let effect = press(&s, .char("y"))
        guard case .triage(let requests)? = effect, case .mute(let alarm, let until) = requests.first else { Issue.record("no mute"); return }
        #expect(until == story.date(612).addingTimeInterval(1800))
        #expect(alarm.state == .alarm)
        _ = s.handle(.triage(.muted(alarm.key, until: until)))
        #expect(s.snapshot.alarms.first { $0.key == alarm.key }?.mutedUntil == until)
    }

    @Test func expiredMutesAreRestoredOnTheNextTick() {
        var s = live()
        s.triage.muted[csvErrors] = story.date(620)
        s.openMutes = [csvErrors]
        #expect(s.handle(.tick(elapsed: 1)) == nil)
        let effect = s.handle(.tick(elapsed: 10))
        #expect(effect == .triage([.unmute(csvErrors), .save(TriageState())]))
        _ = s.handle(.triage(.unmuteFailed(csvErrors, retry: story.date(700))))
        #expect(s.triage.muted[csvErrors] == story.date(700))
        #expect(s.openMutes.contains(csvErrors), "a failed restore is tried again")
        _ = s.handle(.triage(.unmuted(csvErrors)))
        #expect(s.triage.muted.isEmpty && s.openMutes.isEmpty)
    }

    @Test func expiredMutesStayOffAndSaySoWithoutTheFlag() throws {
        var s = live(allowActions: false)
        let key = try #require(s.snapshot.alarms.first { $0.state == .alarm }).key
        s.triage.muted[key] = story.date(600)
        s.triage.muted[otherAlarm] = story.date(600)
        s.openMutes = [key]
        #expect(s.handle(.tick(elapsed: 1)) == nil, "no call leaves without --allow-actions")
        #expect(s.triage.muted.count == 2, "the mutes are kept to restore later")
        #expect(s.view.message?.role == .critical)
        #expect(s.view.message?.text.contains("restart with --allow-actions to re-enable") == true)
        let alarm = try #require(s.snapshot.alarms.first { $0.key == key })
        #expect(alarm.actionsStillOff == "actions still disabled since \(Format.clock(story.date(600))) UTC; restart with --allow-actions to re-enable")
        let row = try #require(PanelCatalog.panel(.alarms).content(for: s.snapshot).rows.first { $0.key == key.description })
        #expect(row.cells.contains { if case .text("ACTIONS OFF", .critical) = $0 { true } else { false } })
        #expect(s.handle(.tick(elapsed: 1)) == nil)
    }

    @Test func onlyMutesThisOpsdeckLoggedAreRestored() {
        var s = live()
        s.triage.muted[csvErrors] = story.date(600)
        s.triage.muted[otherAlarm] = story.date(600)
        s.openMutes = TriageLog.openMutes([
            TriageLogEntry(time: story.date(0), who: "ops", environment: "staging", action: "mute", target: "staging-csv-processor-Errors", detail: "", outcome: "ok"),
            TriageLogEntry(time: story.date(1), who: "ops", environment: "prod", action: "mute", target: "any-alarm-name-at-all", detail: "", outcome: "failed: AccessDenied"),
            TriageLogEntry(time: story.date(2), who: "ops", environment: "dev", action: "mute", target: "old", detail: "", outcome: "ok"),
            TriageLogEntry(time: story.date(3), who: "ops", environment: "dev", action: "unmute", target: "old", detail: "", outcome: "ok"),
        ])
        #expect(s.openMutes == [csvErrors])
        var expected = TriageState()
        expected.muted[otherAlarm] = story.date(600)
        #expect(s.handle(.tick(elapsed: 1)) == .triage([.unmute(csvErrors), .save(expected)]))
        #expect(s.view.message?.text.hasPrefix("prod/any-alarm-name-at-all: actions still disabled") == true)
    }

    @Test func cancellingAndRefusalsSayWhy() {
        var s = live()
        press(&s, .char("1"), .char("d"))
        guard case .confirm? = s.view.prompt?.kind else { Issue.record("no confirmation"); return }
        #expect(press(&s, .char("n")) == nil)
        #expect(s.view.message?.text == "cancelled")

        var locked = live(allowActions: false)
        press(&locked, .char("7"), .char("m"))
        #expect(locked.view.prompt == nil)
        #expect(locked.view.message?.text.contains("start opsdeck with --allow-actions") == true)

        var replay = AppState(replay: ReplaySession(fixture: timeline(DemoStory(step: 300, duration: 1800)), speed: 1, start: 600), bindings: .defaults)
        replay.allowActions = true
        press(&replay, .char("7"), .char("a"))
        #expect(replay.view.message?.text == "acknowledging needs live mode: a replay is read-only")
        press(&replay, .char("h"))
        #expect(replay.view.message?.text == "alarm history needs live mode: a replay is read-only")

        var wrongPanel = live()
        press(&wrongPanel, .char("2"), .char("m"))
        #expect(wrongPanel.view.message?.text == "select an alarm in the Alarms panel (7) first")
    }

    @Test func openMetricJumpsToTheFilteredPanel() {
        var s = live()
        press(&s, .char("7"))
        let rows = PanelCatalog.panel(.alarms).content(for: s.snapshot).rows
        s.view.selection[.alarms] = rows.firstIndex { $0.key == csvErrors.description }
        press(&s, .char("o"))
        #expect(s.view.focus == .lambda && s.view.filters[.lambda] == "staging staging-csv-processor")
        #expect(s.rowCount(.lambda) == 1)
        s.view.focus = .alarms
        s.view.selection[.alarms] = rows.firstIndex { $0.key == "staging/staging-orders-ReplicationLatency" }
        press(&s, .char("o"))
        #expect(s.view.focus == .replication && s.view.filters[.replication] == "staging orders")
        #expect(s.rowCount(.replication) == 1, "staging's orders route, not prod's")
        s.view.focus = .alarms
        s.view.selection[.alarms] = rows.firstIndex { $0.key == "staging/staging-orders-WriteThrottleEvents" }
        press(&s, .char("o"))
        let tables = PanelCatalog.panel(.dynamodb).content(for: s.snapshot).filtered(by: s.view.filters[.dynamodb] ?? "").rows
        #expect(s.view.focus == .dynamodb && tables.map(\.environment) == ["staging"], "a staging alarm selects staging's orders table, not dev's")
    }

    @Test(arguments: [("90s", 90.0), ("30m", 1800), ("2h", 7200), ("1d", 86_400), ("45", 2700), ("8d", nil), ("soon", nil), ("0m", nil)])
    func durations(text: String, seconds: Double?) {
        #expect(AppState.duration(text) == seconds)
    }

    @Test func exportCommandAsksTheRunner() {
        var s = live()
        press(&s, .char(":"))
        for c in "export /tmp/incident.md" { press(&s, .char(c)) }
        #expect(press(&s, .enter) == .triage([.export(path: "/tmp/incident.md")]))
    }
}

/// The triage runner against scripted AWS answers: muting, restoring, drift reports, the log and its export.
@Suite struct TriageRunnerTests {
    /// AWS as scripted answers (served by operation, in order) that remembers the calls made.
    final class ScriptedAWS: ExchangeSource, @unchecked Sendable {
        let replay = ReplaySource()
        private let lock = NSLock()
        private(set) var calls: [APICall] = []

        init(_ answers: [(AWSService, String, Result<Data, Error>)]) {
            let environment = EnvironmentConfig(name: "staging", accountId: "287514036912", region: "us-west-2")
            replay.load(answers.map { Exchange(t: 0, environment: environment, call: APICall($0.0, $0.1, .query([])), outcome: $0.2) })
        }

        func perform(_ call: APICall) async throws -> Data {
            lock.withLock { calls.append(call) }
            return try await replay.perform(call)
        }
    }

    func runner(_ answers: [(AWSService, String, Result<Data, Error>)]) -> (TriageRunner, ScriptedAWS, ConfigPaths) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-triage-\(UUID().uuidString)")
        let paths = ConfigPaths(environment: ["HOME": dir.path])
        let source = ScriptedAWS(answers)
        return (TriageRunner(sources: ["staging": source], paths: paths, mailbox: ConsoleMailbox(), localUser: "ops@host"), source, paths)
    }

    static let identity: (AWSService, String, Result<Data, Error>) = (.sts, "GetCallerIdentity", .success(Data("<R><GetCallerIdentityResult><Arn>arn:aws:sts::287514036912:assumed-role/R/s</Arn><Account>287514036912</Account></GetCallerIdentityResult></R>".utf8)))

    @Test func muteDisablesActionsAndLogsWhoDidIt() async throws {
        let (runner, source, paths) = runner([(.cloudWatch, "DisableAlarmActions", .success(Data("{}".utf8))), Self.identity])
        let alarm = AlarmSummary(environment: "staging", name: "csv-errors", state: .alarm, since: Date(), reason: "r", namespace: "AWS/Lambda", metric: "Errors")
        let until = Date(timeIntervalSince1970: 1_795_200_000)
        let outcomes = await runner.perform(.mute(alarm, until: until))
        #expect(outcomes.first == .muted(AlarmKey(environment: "staging", name: "csv-errors"), until: until))
        #expect(source.calls.first?.input == .json(["AlarmNames": ["csv-errors"]]))
        let log = try TriageLog.load(paths.triageLogFile)
        #expect(log.map(\.action) == ["mute"] && log[0].who == "arn:aws:sts::287514036912:assumed-role/R/s" && log[0].outcome == "ok")
        let markdown = TriageLog.markdown(log)
        #expect(markdown.contains("| staging | mute | csv-errors | DisableAlarmActions until 2026-11-20T18:40:00Z | ok |") && markdown.hasPrefix("# opsdeck triage log"))
    }

    @Test func failedRestoreRetriesAndIsLogged() async throws {
        let denied = AWSError(service: "monitoring", operation: "EnableAlarmActions", status: 403, code: "AccessDenied", message: "no")
        let (runner, _, paths) = runner([(.cloudWatch, "EnableAlarmActions", .failure(denied))])
        let outcomes = await runner.perform(.unmute(AlarmKey(environment: "staging", name: "csv-errors")))
        guard case .unmuteFailed(let key, _) = outcomes.first else { Issue.record("no retry"); return }
        #expect(key == AlarmKey(environment: "staging", name: "csv-errors"))
        #expect(try TriageLog.load(paths.triageLogFile).first?.outcome.hasPrefix("failed: monitoring EnableAlarmActions: AccessDenied") == true)
        #expect(try TriageLog.load(paths.triageLogFile).first?.who == "ops@host", "no identity: the local user")
    }

    @Test func driftDetectionFollowsTheStatusAndReportsDifferences() async throws {
        let xml = { (action: String, result: String) -> (AWSService, String, Result<Data, Error>) in
            (.cloudFormation, action, .success(Data("<\(action)Response><\(action)Result>\(result)</\(action)Result></\(action)Response>".utf8)))
        }
        let drifts = """
        <StackResourceDrifts><member><LogicalResourceId>function</LogicalResourceId><PhysicalResourceId>my-function-SEZV4XMPL4S5</PhysicalResourceId>
        <ResourceType>AWS::Lambda::Function</ResourceType><StackResourceDriftStatus>MODIFIED</StackResourceDriftStatus><PropertyDifferences>
        <member><PropertyPath>/MemorySize</PropertyPath><ExpectedValue>128</ExpectedValue><ActualValue>256</ActualValue><DifferenceType>NOT_EQUAL</DifferenceType></member>
        <member><PropertyPath>/Timeout</PropertyPath><ExpectedValue>900</ExpectedValue><ActualValue>22</ActualValue><DifferenceType>NOT_EQUAL</DifferenceType></member>
        </PropertyDifferences></member></StackResourceDrifts>
        """
        let (runner, source, _) = runner([
            xml("DetectStackDrift", "<StackDriftDetectionId>d-1</StackDriftDetectionId>"),
            xml("DescribeStackDriftDetectionStatus", "<DetectionStatus>DETECTION_IN_PROGRESS</DetectionStatus>"),
            xml("DescribeStackDriftDetectionStatus", "<DetectionStatus>DETECTION_COMPLETE</DetectionStatus><StackDriftStatus>DRIFTED</StackDriftStatus><DriftedStackResourceCount>1</DriftedStackResourceCount>"),
            xml("DescribeStackResourceDrifts", drifts),
        ])
        runner.pollSeconds = 0.01
        let stack = StackSummary(environment: "staging", name: "csv", status: "UPDATE_COMPLETE", drift: .inSync, lastUpdated: Date())
        let outcomes = await runner.perform(.detectDrift(stack))
        #expect(outcomes.first == .message("csv: DRIFTED, 1 resources drifted", .critical))
        guard case .report(let report) = outcomes.last else { Issue.record("no report"); return }
        #expect(report.lines.map(\.label) == ["function", "  /MemorySize", "  /Timeout"])
        #expect(report.lines[1].value == "expected 128 → actual 256 (NOT_EQUAL)")
        #expect(source.calls.map(\.operation).filter { $0 != "GetCallerIdentity" } == ["DetectStackDrift", "DescribeStackDriftDetectionStatus", "DescribeStackDriftDetectionStatus", "DescribeStackResourceDrifts"])
    }

    @Test func stackSetDriftFollowsTheOperation() async throws {
        let xml = { (action: String, result: String) -> (AWSService, String, Result<Data, Error>) in
            (.cloudFormation, action, .success(Data("<\(action)Response><\(action)Result>\(result)</\(action)Result></\(action)Response>".utf8)))
        }
        let (runner, source, _) = runner([
            xml("DetectStackSetDrift", "<OperationId>op-1</OperationId>"),
            xml("DescribeStackSetOperation", "<StackSetOperation><Status>RUNNING</Status></StackSetOperation>"),
            xml("DescribeStackSetOperation", "<StackSetOperation><Status>SUCCEEDED</Status><StackSetDriftDetectionDetails><DriftStatus>DRIFTED</DriftStatus></StackSetDriftDetectionDetails></StackSetOperation>"),
        ])
        runner.pollSeconds = 0.01
        let set = StackSummary(environment: "staging", name: "guardrails", status: "CURRENT", drift: .inSync, lastUpdated: Date(), isStackSet: true)
        #expect(await runner.perform(.detectDrift(set)) == [.message("StackSet guardrails drift detection SUCCEEDED: DRIFTED", .critical)])
        #expect(source.calls.last { $0.operation == "DescribeStackSetOperation" }?.input == .query([.init("StackSetName", "guardrails"), .init("OperationId", "op-1")]))
    }

    @Test func stateFileRoundTripsAndDamageIsReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-state-\(UUID().uuidString)")
        let file = dir.appendingPathComponent("triage.json")
        var state = TriageState()
        state.acknowledged[AlarmKey(environment: "prod", name: "a")] = Date(timeIntervalSince1970: 1_795_000_000)
        state.muted[AlarmKey(environment: "prod", name: "team/b")] = Date(timeIntervalSince1970: 1_795_003_600)
        try state.save(file)
        #expect(try TriageState.load(file) == state)
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.contains(#""prod/a" : "2026-11-18T"#) && written.contains(#""prod/team/b" : "#), "alarm keys are written as env/name: \(written)")
        #expect((try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int).map { $0 & 0o777 } == 0o600)
        #expect((try FileManager.default.attributesOfItem(atPath: dir.path)[.posixPermissions] as? Int).map { $0 & 0o777 } == 0o700)
        #expect(try TriageState.load(dir.appendingPathComponent("missing.json")) == TriageState())
        try "{".write(to: file, atomically: true, encoding: .utf8)
        #expect { try TriageState.load(file) } throws: { "\($0)".contains("not a triage state file") }
    }
}
