import Dispatch
import FoundationEssentials
import Glibc
import Synchronization
import AWSCore
import Telemetry
import Recording
import Panels

/// Turns the signals that would end the process (SIGTERM, SIGINT, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM) into a flag the
/// event loop checks, so it can restore the terminal and exit; SIGPIPE is ignored (a failed write is an error instead).
public struct SignalWatcher {
    /// The last stop signal received, shared with the dispatch handlers.
    private final class Flag: Sendable {
        let value = Atomic<Int32>(0)
    }

    private let flag = Flag()
    private let sources: [DispatchSourceSignal]

    public init(signals: [Int32] = [SIGTERM, SIGINT, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM]) {
        let flag = self.flag
        signal(SIGPIPE, SIG_IGN)
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { flag.value.store(number, ordering: .relaxed) }
            source.resume()
            return source
        }
    }

    /// The signal that asked the console to stop, if one has.
    public var stopSignal: Int32? {
        let value = flag.value.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}
