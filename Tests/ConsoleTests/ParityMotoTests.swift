import Foundation
import Testing
@testable import Telemetry

/// The settings section's collectors against moto with signature checking: three accounts seeded to differ
/// (Tests/moto/seed_parity.py), compared by the Parity view and checked by the Posture view, live and replayed.
@Suite struct ParityMotoTests {
    func decode(_ output: String) throws -> Snapshot {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Snapshot.self, from: Data(output.utf8))
    }

    @Test func seededDifferencesAreFoundComparedAndCheckedAndNoParameterValueIsKept() throws {
        let platform = try MotoPlatform()
        // Lambda's GETs come from the stub (moto rejects their signatures): prod's CSV function has twice the memory.
        let function = { (memory: Int) -> [String: Any] in
            ["Runtime": "python3.12", "MemorySize": memory, "Timeout": 300, "Handler": "ingest.handler",
             "Environment": ["Variables": ["PARTNER_TOKEN": "fn-secret-7d1c", "LOG_LEVEL": "INFO"]]]
        }
        try JSONSerialization.data(withJSONObject: ["dev-csv-processor": function(1024), "staging-csv-processor": function(1024), "prod-csv-processor": function(2048)])
            .write(to: platform.directory.appendingPathComponent("lambda.json"))
        _ = try platform.startStub()
        let made = try platform.seedParity()
        let file = platform.directory.appendingPathComponent("parity.jsonl")
        let live = try Spawn.run([TmuxSession.opsdeck, "snapshot", "--format", "json", "--record", file.path, "--config", platform.configFile.path],
                                 environment: platform.processEnvironment())
        let snapshot = try decode(live.output)
        #expect(snapshot.accounts.allSatisfy { $0.sections[.settings]?.phase == .fresh }, "\(snapshot.accounts.map { $0.sections[.settings] })")
        let report = snapshot.parity
        #expect(report.environments == ["dev", "staging", "prod"])
        func difference(_ kind: ResourceSettings.Kind, _ resource: String, _ setting: String) -> ParityDifference? {
            report.differences.first { $0.kind == kind && $0.resource == resource && $0.setting == setting }
        }
        let memory = try #require(difference(.function, "csv-processor", "Memory"))
        #expect(memory.sides.map(\.value) == ["1024 MB", "1024 MB", "2048 MB"] && memory.sides.allSatisfy { $0.call == "lambda:GetFunctionConfiguration" })
        #expect(difference(.function, "csv-processor", "Environment variables") == nil, "the same names; values are never read into settings")
        #expect(!live.output.contains("fn-secret-7d1c"))
        // SSM: a parameter prod lacks, a value only staging changed, and a SecureString compared by type alone.
        #expect(difference(.parameter, "/app/config/csv_max_rows", ParityDifference.exists)?.sides.map(\.value) == ["yes", "yes", "missing"])
        let schema = try #require(difference(.parameter, "/app/config/schema_version", "Value"), "\(report.differences.map { "\($0.resource) \($0.setting)" })")
        #expect(schema.sides[0].value == schema.sides[2].value && schema.sides[1].value != schema.sides[0].value && schema.sides[1].value.hasPrefix("sha256 "))
        #expect(schema.sides.allSatisfy { $0.call == "ssm:GetParametersByPath" })
        #expect(difference(.parameter, "/app/config/orders_table", "Value") == nil, "dev-orders and prod-orders differ only by the environment's name")
        #expect(difference(.parameter, "/app/config/partner_api_key", "Value") == nil, "never decrypted, so compared by type only")
        // S3: prod's bucket lost its SSL-only statement.
        let policy = try #require(difference(.bucket, "opsdeck-settings", "Policy denies"))
        #expect(policy.sides.map(\.value) == ["non-SSL requests, unencrypted uploads", "non-SSL requests, unencrypted uploads", "unencrypted uploads"])
        #expect(difference(.bucket, "opsdeck-settings", "Default encryption") == nil, "each bucket uses a customer key of its own account")
        // KMS rotation, log retention, open ingress, and PITR as the platform expects it.
        #expect(difference(.key, "bucket opsdeck-settings", "Rotation")?.sides.map(\.value) == ["enabled", "disabled", "enabled"])
        let retention = report.differences.first { $0.kind == .logGroup && $0.setting == "Retention" }
        #expect(retention?.sides.first?.value == "14 days" && retention?.sides.first?.call == "logs:DescribeLogGroups")
        #expect(difference(.securityGroup, "peering", "Open ingress")?.sides.map(\.value) == ["tcp 22 from 0.0.0.0/0", "none", "none"])
        let pitr = report.differences.filter { $0.kind == .table && $0.setting == "PITR" }
        #expect(!pitr.isEmpty && pitr.allSatisfy { $0.expected == "PITR: prod ENABLED, others DISABLED" }, "\(pitr)")
        // Posture: the same evidence, pass or fail per environment.
        let failed = Set(report.checks.filter { $0.passed == false }.map { "\($0.rule) \($0.environment)" })
        for expected in ["bucket-ssl-only prod", "key-rotation staging", "log-retention dev", "no-open-ingress dev"] {
            #expect(failed.contains(expected), "\(expected) should fail: \(failed.sorted())")
        }
        #expect(!failed.contains("bucket-ssl-only dev") && !failed.contains("bucket-versioned prod") && !failed.contains("table-pitr prod"))
        #expect(report.checks.contains { $0.rule == "key-rotation" && $0.passed == true && $0.call == "kms:GetKeyRotationStatus" })
        #expect(made["dev"]?["security_group"].map { id in snapshot.settings.contains { $0.setting("Group id")?.value == id } } == true)
        // No parameter value reaches the snapshot, the recording or the replay.
        let recording = try String(contentsOf: file, encoding: .utf8)
        #expect(recording.contains("\"op\":\"GetParametersByPath\"") && recording.contains("opsdeck-fingerprint:"))
        for value in ["pk-live-", "postgres://orders-", "500000", "\"v4\"", "dev-orders\""] {
            #expect(!recording.contains(value), "the recording holds a parameter value (\(value))")
            #expect(!live.output.contains(value), "the snapshot holds a parameter value (\(value))")
        }
        let replayed = try Spawn.run([TmuxSession.opsdeck, "replay", file.path, "--format", "json"])
        #expect(try decode(replayed.output).parity == report, "the replay compares the recorded settings as the live poll did")
    }
}
