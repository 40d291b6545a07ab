import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

/// The recording format: round trips, gzip, and a clear error naming the line for every kind of damage.
@Suite struct RecordingCodecTests {
    /// A ten-minute demo recording (three cycles), as plain JSON Lines.
    func small(gzip: Bool = false) async throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("small-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try await DemoRecording.generate(to: url, story: DemoStory(step: 300, duration: 600), gzip: gzip)
        return try Data(contentsOf: url)
    }

    @Test func roundTripsAndReadsGzipTheSame() async throws {
        let plain = try await small()
        let recording = try RecordingCodec.decode(plain)
        #expect(recording.cycles.map(\.t) == [0, 300, 600])
        #expect(recording.cycles.allSatisfy { $0.polled == ["dev", "staging", "prod"] })
        #expect(recording.cycles[0].exchanges.filter { $0.op == "GetCallerIdentity" }.count == 3)
        #expect(try RecordingCodec.encode(recording) == plain)
        #expect(try RecordingCodec.decode(try await small(gzip: true)) == recording)
    }

    /// The small recording's lines with `corrupt` applied, decoded; returns the error.
    func error(_ corrupt: (inout [String]) -> Void) async throws -> RecordingError? {
        var lines = String(decoding: try await small(), as: UTF8.self).components(separatedBy: "\n")
        corrupt(&lines)
        do {
            _ = try RecordingCodec.decode(Data(lines.joined(separator: "\n").utf8))
            return nil
        } catch let error as RecordingError {
            return error
        }
    }

    @Test func namesTheLineOfACorruptExchange() async throws {
        let failure = try await error { $0[3] = String($0[3].prefix(40)) + "}" }
        #expect(failure?.line == 4)
        #expect(failure?.cause == "not a JSON object")
        let missing = try await error { $0[3] = $0[3].replacingOccurrences(of: "\"op\":", with: "\"opx\":") }
        #expect(missing == RecordingError(line: 4, cause: "not an exchange (missing op)"))
    }

    @Test func rejectsATruncatedFile() async throws {
        let failure = try await error { lines in
            lines.removeLast()
            lines[lines.count - 1] = String(lines[lines.count - 1].prefix(30))
        }
        #expect(failure?.cause == "truncated: the file ends inside this line")
        let gzip = try await small(gzip: true)
        #expect { try RecordingCodec.decode(gzip.prefix(gzip.count / 2)) } throws: {
            guard let error = $0 as? RecordingError else { return false }
            return error.line > 1 && error.cause.hasPrefix("truncated")
        }
    }

    @Test func rejectsFutureVersionsOtherFormatsAndEmptyFiles() async throws {
        #expect(try await error { $0[0] = $0[0].replacingOccurrences(of: "\"version\":2", with: "\"version\":9") }
                == RecordingError(line: 1, cause: "version 9 is newer than this opsdeck reads (2); upgrade opsdeck"))
        #expect(try await error { $0[0] = $0[0].replacingOccurrences(of: "opsdeck-recording", with: "har") }
                == RecordingError(line: 1, cause: "format is 'har', expected 'opsdeck-recording'"))
        #expect(throws: RecordingError(line: 1, cause: "empty file, expected an opsdeck-recording header")) { try RecordingCodec.decode(Data()) }
        #expect { try RecordingCodec.decode(Data([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xff])) } throws: { ($0 as? RecordingError)?.line ?? -1 >= 0 }
    }

    @Test func rejectsStructuralMistakes() async throws {
        #expect(try await error { $0.remove(at: 1) }?.cause == "an exchange before any cycle line")
        let cycles = try await error { lines in
            let second = lines.firstIndex { $0.hasPrefix("{\"cycle\":300") }!
            lines[second] = lines[second].replacingOccurrences(of: "\"cycle\":300", with: "\"cycle\":-5")
        }
        #expect(cycles?.cause == "cycle at -5.0 s comes after one at 0.0 s")
        #expect(try await error { $0[1] = $0[1].replacingOccurrences(of: "\"prod\"", with: "\"qa\"") }?.cause == "environment 'qa' is not in the header")
    }

    @Test func detailExchangesComeLastAndAnswerAtAnyReplayPosition() async throws {
        let recording = try RecordingCodec.decode(try await small())
        #expect(!recording.details.isEmpty && recording.details.allSatisfy { $0.status == 200 })
        let staging = try #require(recording.header.environments.first { $0.name == "staging" }).config
        let source = RecordedDetails(recording.details.filter { $0.env == "staging" })
        // Read at the recording's start, not its end where the details were recorded: the same call, times aside.
        let start = recording.header.start
        var replaying = DetailFetcher(source: source, environment: staging)
        replaying.completePeriodsOnly = true
        let detail = await replaying.fetch(ResourceRef(.function, "staging-csv-processor", environment: "staging"), range: .hour, end: start)
        #expect(detail.failures.isEmpty, "\(detail.failures)")
        #expect(detail.settings.contains { $0.label == "Runtime" && $0.value == "python3.12" })
        let invocations = try #require(detail.charts.first?.lines.first?.series.points)
        #expect(invocations.count == 60 && invocations.first?.time == detail.start && invocations.last?.time == start.timeIntervalSince1970 - 60,
                "the hour before the position, in whole minutes, though the recording holds minutes after it")
        // A flow-log port's chart comes from Logs Insights over the flow-log group, recorded the same way.
        let ssh = await replaying.fetch(ResourceRef(.port, "22/tcp", environment: "staging"), range: .hour, end: start.addingTimeInterval(600))
        #expect(ssh.failures.isEmpty, "\(ssh.failures)")
        let rejected = try #require(ssh.charts.first?.lines.first { $0.label == "reject" }?.series.points)
        #expect(ssh.charts.first?.title == "Flows to 22/tcp" && rejected.reduce(0) { $0 + $1.value } > 0 && rejected.allSatisfy { $0.time <= start.timeIntervalSince1970 + 540 })
        #expect(ssh.settings.contains { $0.label == "Flow logs" && $0.value.contains("/vpc/flow-logs/staging") })
        let missing = await DetailFetcher(source: source, environment: staging).fetch(ResourceRef(.function, "not-recorded", environment: "staging"), range: .hour, end: start)
        #expect(missing.failures.first?.contains("NotRecorded") == true)
        let cycleAfter = try await error { lines in lines.insert(lines.first { $0.hasPrefix("{\"cycle\":600") }!, at: lines.count - 1) }
        #expect(cycleAfter?.cause == "a cycle after the detail exchanges, which come last")
    }
}
