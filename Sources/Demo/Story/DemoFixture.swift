import FoundationEssentials
import AWSCore
import Telemetry
import Recording
import CDemoRecording
import Glibc

/// The demo recording shipped inside opsdeck.
public enum DemoFixture {
    /// Loads the embedded recording and replays it through the parsers into a timeline of snapshots.
    public static func load() async throws -> Fixture {
        await RecordingReplay.fixture(from: try RecordingCodec.decode(try data()))
    }

    /// Reads the embedded recording's header, its cycles to be loaded while the console runs; the pages of it read are
    /// handed back as the load goes (about 1 MB less at the peak), and a later read maps them again from the binary.
    public static func start() throws -> ReplayLoad {
        try ReplayLoad.start(try data(), release: { releasePages(upTo: $0) })
    }

    /// Unmaps the embedded recording's whole pages before byte `count` (MADV_DONTNEED): nothing ever writes them, so
    /// they are the binary's file pages, and touching them again reads them back unchanged.
    static func releasePages(upTo count: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let base = Int(bitPattern: opsdeck_demo_recording_bytes())
        let start = (base + page - 1) / page * page
        let end = (base + min(count, opsdeck_demo_recording_size())) / page * page
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, MADV_DONTNEED)
    }

    /// The embedded recording's bytes, without a copy.
    public static func data() throws -> Data {
        let size = opsdeck_demo_recording_size()
        guard size > 0 else { throw RecordingError(line: 0, cause: "the embedded demo recording is missing from this build") }
        return Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: opsdeck_demo_recording_bytes()), count: size, deallocator: .none)
    }
}
