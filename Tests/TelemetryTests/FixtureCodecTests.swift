import Foundation
import Testing
@testable import Telemetry

@Suite struct FixtureCodecTests {
    let story = DemoStory(step: 300, duration: 600)

    @Test func roundTripsAFixture() throws {
        let fixture = story.fixture()
        let decoded = try FixtureCodec.decode(FixtureCodec.encode(fixture))
        #expect(decoded == fixture)
        #expect(decoded.frames.map(\.offset) == [0, 300, 600])
    }

    @Test func encodingIsDeterministic() throws {
        #expect(try FixtureCodec.encode(story.fixture()) == FixtureCodec.encode(DemoStory(step: 300, duration: 600).fixture()))
    }

    /// Encodes the small story, lets `corrupt` edit its lines, and returns the decoding error.
    func error(_ corrupt: (inout [String]) -> Void) throws -> FixtureError? {
        var lines = String(decoding: try FixtureCodec.encode(story.fixture()), as: UTF8.self).components(separatedBy: "\n")
        corrupt(&lines)
        do {
            _ = try FixtureCodec.decode(Data(lines.joined(separator: "\n").utf8))
            return nil
        } catch let error as FixtureError {
            return error
        }
    }

    @Test func namesTheLineOfACorruptFrame() throws {
        let failure = try error { $0[2] = String($0[2].prefix(40)) }
        #expect(failure?.line == 3)
        #expect(failure?.cause.contains("bad frame") == true)
    }

    @Test func namesAMissingKey() throws {
        let failure = try error { $0[1] = $0[1].replacingOccurrences(of: "\"capturedAt\"", with: "\"capturedAtX\"") }
        #expect(failure?.line == 2)
        #expect(failure?.cause.contains("capturedAt") == true)
    }

    @Test func rejectsATruncatedFile() throws {
        let failure = try error { $0[$0.count - 1] = "{\"offset\":900" }
        #expect(failure?.line == 5)
    }

    @Test func rejectsAFutureVersion() throws {
        let failure = try error { $0[0] = $0[0].replacingOccurrences(of: "\"version\":1", with: "\"version\":9") }
        #expect(failure == FixtureError(line: 1, cause: "version 9 is newer than this opsdeck reads (1); upgrade opsdeck"))
    }

    @Test func rejectsAnotherFormat() throws {
        let failure = try error { $0[0] = $0[0].replacingOccurrences(of: "opsdeck-fixture", with: "har") }
        #expect(failure?.line == 1)
        #expect(failure?.cause.contains("'har'") == true)
    }

    @Test func rejectsTimeGoingBackwards() throws {
        let failure = try error { $0.swapAt(1, 2) }
        #expect(failure?.line == 3)
        #expect(failure?.cause.contains("back in time") == true)
    }

    @Test func rejectsAnEmptyFile() {
        #expect(throws: FixtureError(line: 1, cause: "empty file, expected an opsdeck-fixture header")) {
            try FixtureCodec.decode(Data())
        }
    }
}
