import FoundationEssentials
import AWSCore
import Telemetry
import Recording
import CDemoRecording

/// The demo recording shipped inside opsdeck.
public enum DemoFixture {
    /// Loads the embedded recording and replays it through the parsers into a timeline of snapshots.
    public static func load() async throws -> Fixture {
        await RecordingReplay.fixture(from: try RecordingCodec.decode(try data()))
    }

    /// Reads the embedded recording's header, its cycles to be loaded while the console runs.
    public static func start() throws -> ReplayLoad {
        try ReplayLoad.start(try data())
    }

    /// The embedded recording's bytes, without a copy.
    public static func data() throws -> Data {
        let size = opsdeck_demo_recording_size()
        guard size > 0 else { throw RecordingError(line: 0, cause: "the embedded demo recording is missing from this build") }
        return Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: opsdeck_demo_recording_bytes()), count: size, deallocator: .none)
    }
}
