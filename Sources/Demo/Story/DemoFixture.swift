import Foundation
import AWSCore
import Telemetry
import Recording

/// The demo recording shipped inside opsdeck.
public enum DemoFixture {
    /// Where the embedded recording lies in the resource bundle.
    public static var url: URL? { Bundle.module.url(forResource: "demo-recording.jsonl", withExtension: "gz") }

    /// Loads the embedded recording and replays it through the parsers into a timeline of snapshots.
    public static func load() async throws -> Fixture {
        await RecordingReplay.fixture(from: try RecordingCodec.decode(try data()))
    }

    /// Reads the embedded recording's header, its cycles to be loaded while the console runs.
    public static func start() throws -> ReplayLoad {
        try ReplayLoad.start(try data())
    }

    /// The embedded recording's bytes.
    static func data() throws -> Data {
        guard let url else {
            throw RecordingError(line: 0, cause: "the embedded demo recording is missing from this build")
        }
        return try Data(contentsOf: url)
    }
}
