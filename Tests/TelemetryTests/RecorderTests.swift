import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

/// Recording sources write every outcome without credentials; replay sources answer the same calls the same way.
@Suite struct RecorderTests {
    let environment = EnvironmentConfig(name: "prod", accountId: "398126457039", region: "us-east-1")

    @Test func credentialsInBodiesAreRedacted() {
        let xml = "<AssumeRoleResult><Credentials><AccessKeyId>ASIAXYZ</AccessKeyId><SecretAccessKey>abc/def+ghi</SecretAccessKey><SessionToken>FQoG\nZXIv</SessionToken></Credentials></AssumeRoleResult>"
        let scrubbed = Redaction.scrub(xml)
        #expect(!scrubbed.contains("abc/def") && !scrubbed.contains("FQoG") && !scrubbed.contains("ASIAXYZ"))
        #expect(scrubbed.contains("<SecretAccessKey>REDACTED</SecretAccessKey>"))
        let json = #"{"AccessKeyId":"ASIA1","SecretAccessKey":"s\"ecret","Token":"tok","NextToken":"keep"}"#
        #expect(Redaction.scrub(json) == #"{"AccessKeyId":"REDACTED","SecretAccessKey":"REDACTED","Token":"REDACTED","NextToken":"keep"}"#)
        #expect(Redaction.scrub("nothing here") == "nothing here")
    }

    @Test func environmentVariableValuesAreRedactedAndTheirNamesKept() {
        let body = #"{"FunctionName":"f","Environment":{"Variables":{"DB_PASSWORD":"hunter2","QUOTED":"a\"b"}},"Handler":"x.handler"}"#
        let scrubbed = Redaction.scrub(body)
        #expect(scrubbed == #"{"FunctionName":"f","Environment":{"Variables":{"DB_PASSWORD":"REDACTED","QUOTED":"REDACTED"}},"Handler":"x.handler"}"#)
    }

    @Test func recordsOutcomesAndReplaysThem() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rec-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        let recorder = try Recorder(url: url, header: Recording.Header(title: "t", start: start, historyMinutes: 30, environments: [environment]), gzip: false, now: { start.addingTimeInterval(5) })
        let canned = CannedSource([
            "DescribeAlarms": [.success(Data(#"{"MetricAlarms":[]}"#.utf8)), .failure(AWSError(service: "monitoring", operation: "DescribeAlarms", status: 400, code: "ThrottlingException", message: "Rate exceeded"))],
            "DescribeStacks": [.failure(TransportError(.timeout, "request timed out"))],
        ])
        let source = RecordingSource(canned, environment: environment, recorder: recorder)
        let alarms = APICall(.cloudWatch, "DescribeAlarms", .json(["AlarmTypes": ["MetricAlarm"]]))
        let page2 = APICall(.cloudWatch, "DescribeAlarms", .json(["AlarmTypes": ["MetricAlarm"], "NextToken": "2"]))
        let stacks = APICall(.cloudFormation, "DescribeStacks", .query([]))
        _ = try await source.perform(alarms)
        await #expect(throws: AWSError.self) { try await source.perform(page2) }
        await #expect(throws: TransportError.self) { try await source.perform(stacks) }
        try recorder.endCycle(at: start.addingTimeInterval(5), polled: ["prod"])
        try recorder.finish()

        let recording = try RecordingCodec.decode(Data(contentsOf: url))
        let cycle = try #require(recording.cycles.first)
        #expect(cycle.t == 5 && cycle.exchanges.map(\.op) == ["DescribeStacks", "DescribeAlarms", "DescribeAlarms"], "sorted by service, operation, parameters")
        #expect(cycle.exchanges.first { $0.params.contains("NextToken") }?.code == "ThrottlingException")

        let replay = ReplaySource()
        replay.load(cycle.exchanges)
        await #expect { try await replay.perform(page2) } throws: { "\($0)" == "monitoring DescribeAlarms: ThrottlingException: Rate exceeded (HTTP 400)" }
        #expect(try await replay.perform(alarms) == Data(#"{"MetricAlarms":[]}"#.utf8), "matched by parameters, not order")
        await #expect { try await replay.perform(stacks) } throws: { ($0 as? TransportError)?.kind == .timeout }
        await #expect { try await replay.perform(alarms) } throws: { ($0 as? AWSError)?.code == "NotRecorded" }
    }
}

/// What a recording keeps of SSM parameters: the value's fingerprint, never the value.
@Suite struct ParameterRedactionTests {
    @Test func valuesBecomeFingerprintsAndAnythingElseIsDropped() throws {
        let call = APICall(.ssm, "GetParametersByPath", .json(["Path": "/app/prod/"]))
        let body = #"{"Parameters":[{"Name":"/app/prod/db","Type":"String","Value":"postgres://prod-db:5432"},{"Name":"/app/prod/key","Type":"SecureString","Value":"AQICAHhsecret"}]}"#
        guard case .success(let data) = ParameterRedaction.scrub(.success(Data(body.utf8)), of: call, environment: "prod") else { Issue.record("no body"); return }
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("postgres://") && !text.contains("AQICAHhsecret"))
        #expect(text.contains("/app/prod/db") && text.contains(SSMClient.fingerprintMarker + SSMClient.fingerprint("postgres://prod-db:5432", environment: "prod")))
        let parameters = try SSMClient.parse(data, environment: "dev", call: call).items
        #expect(parameters.map(\.fingerprint) == [SSMClient.fingerprint("postgres://{env}-db:5432", environment: "dev"), nil], "the replay's fingerprint is the live one")
        guard case .success(let garbage) = ParameterRedaction.scrub(.success(Data("not json \"Value\": secret".utf8)), of: call, environment: "prod") else { return }
        #expect(String(decoding: garbage, as: UTF8.self) == "{}", "an answer that cannot be read is not kept")
        let other = APICall(.logs, "DescribeLogGroups", .json([:]))
        guard case .success(let untouched) = ParameterRedaction.scrub(.success(Data(body.utf8)), of: other, environment: "prod") else { return }
        #expect(untouched == Data(body.utf8), "only SSM answers are rewritten")
    }
}

/// Recordings made before the Parity view replay with its settings section off, not failing for want of its calls.
@Suite struct OlderRecordingTests {
    @Test func aHeaderWithoutParitySettingsReplaysWithTheSectionNotConfigured() async {
        let environment = EnvironmentConfig(name: "dev", accountId: "104729364815", region: "eu-west-1")
        let identity = "<R><GetCallerIdentityResult><Arn>arn:aws:sts::104729364815:assumed-role/r/s</Arn><Account>104729364815</Account></GetCallerIdentityResult></R>"
        let exchange = Exchange(t: 0, environment: environment, call: APICall(.sts, "GetCallerIdentity", .query([])), outcome: .success(Data(identity.utf8)))
        var header = Recording.Header(title: "old", start: Date(timeIntervalSince1970: 1_795_000_000), historyMinutes: 30, environments: [environment])
        #expect(header.parity == nil)
        var fixture = await RecordingReplay.fixture(from: Recording(header: header, cycles: [.init(t: 0, polled: ["dev"], exchanges: [exchange])]))
        #expect(fixture.frames.last?.snapshot.accounts.first?.sections[.settings]?.phase == .notConfigured)
        header.parity = .platformDefaults
        fixture = await RecordingReplay.fixture(from: Recording(header: header, cycles: [.init(t: 0, polled: ["dev"], exchanges: [exchange])]))
        #expect(fixture.frames.last?.snapshot.accounts.first?.sections[.settings]?.phase == .failed, "a recording that should hold settings says they are missing")
    }
}
