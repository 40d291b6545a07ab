import FoundationEssentials
import Dispatch
import AWSCore
import Telemetry
import Recording
import Demo
import Panels
import ConsoleCore

/// Runs async work to completion from synchronous code (the console's main thread is not a concurrency thread).
enum Blocking {
    /// The result of `body`, waiting on the calling thread.
    static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}

/// Carries a result from the task to the waiting thread; the semaphore orders the accesses.
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}
