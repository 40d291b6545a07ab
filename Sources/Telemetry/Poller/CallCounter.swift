import Foundation
import AWSCore

/// Counts API calls by "service Operation", shared by every source of a poller.
public final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    public init() {}

    /// Records one call.
    public func record(_ call: APICall) {
        lock.withLock { counts["\(call.service.endpointPrefix) \(call.operation)", default: 0] += 1 }
    }

    /// The counts so far, and resets them.
    public func drain() -> [String: Int] {
        lock.withLock {
            defer { counts = [:] }
            return counts
        }
    }
}

/// An exchange source that counts each call it passes on.
public struct CountingSource: ExchangeSource {
    public var inner: any ExchangeSource
    public var counter: CallCounter

    public init(_ inner: any ExchangeSource, counter: CallCounter) {
        self.inner = inner
        self.counter = counter
    }

    public func perform(_ call: APICall) async throws -> Data {
        counter.record(call)
        return try await inner.perform(call)
    }
}
