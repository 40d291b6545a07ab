import Dispatch
import Foundation
import Synchronization

/// Turns SIGTERM, SIGINT and SIGHUP into a flag the event loop checks, so it can restore the terminal and exit.
struct SignalWatcher {
    /// The last stop signal received, shared with the dispatch handlers.
    private final class Flag: Sendable {
        let value = Atomic<Int32>(0)
    }

    private let flag = Flag()
    private let sources: [DispatchSourceSignal]

    init(signals: [Int32] = [SIGTERM, SIGINT, SIGHUP]) {
        let flag = self.flag
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { flag.value.store(number, ordering: .relaxed) }
            source.resume()
            return source
        }
    }

    /// The signal that asked the console to stop, if one has.
    var stopSignal: Int32? {
        let value = flag.value.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}
