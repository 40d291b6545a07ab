import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

/// The embedded demo is a recording made by the generator, and replaying it through the parsers tells the story.
@Suite struct DemoFixtureTests {
    /// The embedded recording replayed once for all the tests here.
    static let replayed = Task { try await DemoFixture.load() }

    @Test func embeddedRecordingIsWhatTheGeneratorMakes() async throws {
        let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString).jsonl.gz")
        defer { try? FileManager.default.removeItem(at: fresh) }
        try await DemoRecording.generate(to: fresh)
        #expect(try DemoFixture.data() == Data(contentsOf: fresh),
                "regenerate with: swift run opsdeck generate-demo-fixture Sources/Demo/Resources/demo-recording.jsonl.gz")
    }

    @Test func theConsolesLoadHandsBackTheRecordingsPagesAndItReadsTheSameAfter() async throws {
        let bytes = Array(try DemoFixture.data())
        final class Batches: @unchecked Sendable { var all: [ReplayBatch] = [] }
        let batches = Batches()
        await (try DemoFixture.start()).rest { batches.all.append($0) }
        let (present, total) = try residentPages(try DemoFixture.data())
        #expect(total > 200 && present * 4 < total, "\(present) of \(total) pages still mapped after the load")
        #expect(batches.all.last?.done == true && batches.all.last?.failure == nil)
        #expect(batches.all.reduce(0) { $0 + $1.frames.count + ($1.first == nil ? 0 : 1) } == 61)
        #expect(Array(try DemoFixture.data()) == bytes, "read again from the binary, unchanged")
    }

    /// How many of the whole pages under `data` are mapped into this process now, of how many (/proc/self/pagemap).
    private func residentPages(_ data: Data) throws -> (present: Int, total: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let (start, end) = data.withUnsafeBytes { bytes -> (Int, Int) in
            let base = Int(bitPattern: bytes.baseAddress)
            return ((base + page - 1) / page, (base + bytes.count) / page)
        }
        let map = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/self/pagemap"))
        defer { try? map.close() }
        try map.seek(toOffset: UInt64(start * 8))
        let entries = try map.read(upToCount: (end - start) * 8) ?? Data()
        let present = stride(from: 0, to: entries.count, by: 8).filter { entries[entries.startIndex + $0 + 7] & 0x80 != 0 }.count
        return (present, end - start)
    }

    @Test func replayYieldsThirtyMinutesOfFramesForEveryAccount() async throws {
        let fixture = try await Self.replayed.value
        #expect(fixture.duration == 1800)
        #expect(fixture.frames.count == 61)
        #expect(fixture.frames.allSatisfy { $0.snapshot.accounts.map(\.environment) == ["dev", "staging", "prod"] && $0.snapshot.accounts.allSatisfy { $0.health == .ok } })
        #expect(fixture.frames[20].snapshot.capturedAt == DemoStory().date(600))
    }

    @Test func replayedFramesCarryTheStorysValues() async throws {
        let fixture = try await Self.replayed.value
        let story = DemoStory()
        for t in [0, 600, 1290] {
            let replayed = fixture.frames[t / 30].snapshot
            let truth = story.snapshot(at: t)
            #expect(Set(replayed.stacks.map(\.name)) == Set(truth.stacks.map(\.name)))
            #expect(replayed.alarms.sorted { $0.name < $1.name } == truth.alarms.sorted { $0.name < $1.name })
            #expect(replayed.findings.sorted { $0.resourceId < $1.resourceId } == truth.findings.filter { $0.compliance == "NON_COMPLIANT" }.sorted { $0.resourceId < $1.resourceId })
            for lambda in truth.lambdas {
                let row = try #require(replayed.lambdas.first { $0.function == lambda.function })
                #expect(row.invocations == lambda.invocations && row.errors == lambda.errors && row.errorHistory == lambda.errorHistory, "\(t) \(row) \(lambda)")
            }
            #expect(replayed.flows.ports.sorted { "\($0.environment)\($0.port)" < "\($1.environment)\($1.port)" }
                    == truth.flows.ports.sorted { "\($0.environment)\($0.port)" < "\($1.environment)\($1.port)" })
            #expect(replayed.flows.peerings == truth.flows.peerings)
            for lag in truth.replication {
                let row = try #require(replayed.replication.first { $0.resource == lag.resource && $0.source == lag.source })
                #expect(abs(row.latestSeconds - lag.latestSeconds) < 1e-9 && row.destination == lag.destination)
            }
        }
    }

    @Test func prodDriftAndSSLFindingArePresentFromTheStart() async throws {
        let start = try await Self.replayed.value.frames[0].snapshot
        #expect(start.stacks.contains { $0.environment == "prod" && $0.name == "prod-data-buckets" && $0.drift == .drifted })
        #expect(start.stacks.contains { $0.environment == "prod" && $0.name == "StackSet-config-rules" && $0.status == "OUTDATED" && $0.isStackSet })
        #expect(start.findings.contains { $0.rule == "s3-bucket-ssl-requests-only" && $0.environment == "prod" && $0.compliance == "NON_COMPLIANT" })
        #expect(start.alarms.allSatisfy { $0.state != .alarm })
    }

    @Test func stagingIncidentIsUnderWayAtTenMinutes() async throws {
        let fixture = try await Self.replayed.value
        let peak = fixture.frames[20].snapshot
        let csv = try #require(peak.lambdas.first { $0.function == "staging-csv-processor" })
        #expect(csv.errorRate > 0.3)
        #expect(peak.alarms.first { $0.name == "staging-csv-processor-Errors" }?.state == .alarm)
        let ddb = try #require(peak.replication.first { $0.kind == .dynamodb && $0.source.hasPrefix("staging") })
        #expect(ddb.latestSeconds > ddb.thresholdSeconds)
        let ssh = try #require(peak.flows.ports.first { $0.port == 22 })
        #expect(ssh.rejected > 150)
        #expect(peak.flows.talkers.first { $0.environment == "staging" && $0.action == "REJECT" }?.source == "203.0.113.45")
        let s3 = try #require(peak.replication.first { $0.resource == "opsdeck-staging-ingest" })
        #expect(s3.latestSeconds > fixture.frames[10].snapshot.replication.first { $0.resource == "opsdeck-staging-ingest" }!.latestSeconds)
    }

    @Test func platformRecoversByTheEnd() async throws {
        let end = try await Self.replayed.value.frames[60].snapshot
        #expect(end.alarms.filter { $0.state == .alarm }.isEmpty)
        #expect(try #require(end.lambdas.first { $0.function == "staging-csv-processor" }).errorRate < 0.05)
        #expect(end.stacks.first { $0.name == "staging-csv-pipeline" }?.status == "UPDATE_COMPLETE")
        #expect(end.flows.ports.first { $0.port == 22 }?.rejected ?? 0 < 20)
    }

    @Test func historyWindowsAgreeAcrossFrames() {
        let story = DemoStory()
        let a = story.snapshot(at: 600).replication[0].history
        let b = story.snapshot(at: 630).replication[0].history
        #expect(Array(a.dropFirst()) == Array(b.dropLast()))
        #expect(a.count == story.historyLength)
    }
}
