import Foundation
import Testing
@testable import Telemetry

@Suite struct DemoFixtureTests {
    @Test func embeddedFixtureIsWhatTheGeneratorMakes() throws {
        let url = try #require(DemoFixture.url)
        #expect(try Data(contentsOf: url) == FixtureCodec.encode(DemoStory().fixture()),
                "regenerate with: swift run opsdeck generate-demo-fixture Sources/Telemetry/Resources/demo-fixture.jsonl")
    }

    @Test func embeddedFixtureLoadsWithThirtyMinutesOfFrames() throws {
        let fixture = try DemoFixture.load()
        #expect(fixture.duration == 1800)
        #expect(fixture.frames.count == 61)
        #expect(fixture.frames.allSatisfy { $0.snapshot.accounts.map(\.environment) == ["dev", "staging", "prod"] })
    }

    let story = DemoStory()

    @Test func prodDriftAndSSLFindingArePresentFromTheStart() {
        let start = story.snapshot(at: 0)
        #expect(start.stacks.contains { $0.environment == "prod" && $0.name == "prod-data-buckets" && $0.drift == .drifted })
        #expect(start.findings.contains { $0.rule == "s3-bucket-ssl-requests-only" && $0.environment == "prod" && $0.compliance == "NON_COMPLIANT" })
        #expect(start.alarms.allSatisfy { $0.state != .alarm })
    }

    @Test func stagingIncidentIsUnderWayAtTenMinutes() throws {
        let peak = story.snapshot(at: 600)
        let csv = try #require(peak.lambdas.first { $0.function == "staging-csv-processor" })
        #expect(csv.errorRate > 0.3)
        #expect(peak.alarms.first { $0.name == "staging-csv-processor-Errors" }?.state == .alarm)
        let ddb = try #require(peak.replication.first { $0.kind == .dynamodb && $0.source.hasPrefix("staging") })
        #expect(ddb.latestSeconds > ddb.thresholdSeconds)
        let ssh = try #require(peak.flows.ports.first { $0.port == 22 })
        #expect(ssh.rejected > 1000)
        let s3 = try #require(peak.replication.first { $0.resource == "opsdeck-staging-ingest" })
        #expect(s3.latestSeconds > story.snapshot(at: 300).replication[0].latestSeconds)
    }

    @Test func platformRecoversByTheEnd() throws {
        let end = story.snapshot(at: 1800)
        #expect(end.alarms.filter { $0.state == .alarm }.isEmpty)
        #expect(try #require(end.lambdas.first { $0.function == "staging-csv-processor" }).errorRate < 0.05)
        #expect(end.stacks.first { $0.name == "staging-csv-pipeline" }?.status == "UPDATE_COMPLETE")
    }

    @Test func historyWindowsAgreeAcrossFrames() {
        let a = story.snapshot(at: 600).replication[0].history
        let b = story.snapshot(at: 630).replication[0].history
        #expect(Array(a.dropFirst()) == Array(b.dropLast()))
        #expect(a.count == story.historyLength)
    }
}
