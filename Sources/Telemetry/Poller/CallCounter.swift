import FoundationEssentials
import AWSCore

/// Counts API calls by "service Operation", shared by every source of a poller, and how many calls each
/// environment has made and had answered (the first poll's progress). Live, the counts are of the requests sent
/// (retries, AssumeRole and other credential calls included); replayed, of the recorded calls.
public final class CallCounter: @unchecked Sendable {
    private let lock = Lock()
    private var counts: [String: Int] = [:]
    private var sent: [String: Int] = [:]
    private var progress: [String: CallProgress] = [:]
    /// Whether `drain` reports the requests a `CountedTransport` saw rather than the calls sources made.
    private let countsRequests: Bool

    public init(countsRequests: Bool = false) { self.countsRequests = countsRequests }

    /// Records one request that went onto the wire.
    public func recordSent(_ operation: String) {
        lock.withLock { sent[operation, default: 0] += 1 }
    }

    /// Records one call of `environment`.
    public func record(_ call: APICall, environment: String = "") {
        lock.withLock {
            counts["\(call.service.endpointPrefix) \(call.operation)", default: 0] += 1
            progress[environment, default: CallProgress()].made += 1
        }
    }

    /// Records that a call of `environment` came back, answered or failed.
    public func finished(environment: String) {
        lock.withLock { progress[environment, default: CallProgress()].answered += 1 }
    }

    /// The calls `environment` has made and had back so far.
    public func progress(of environment: String) -> CallProgress {
        lock.withLock { progress[environment] ?? CallProgress() }
    }

    /// The counts so far (requests sent when counting requests), and resets them.
    public func drain() -> [String: Int] {
        lock.withLock {
            defer { counts = [:]; sent = [:] }
            return countsRequests ? sent : counts
        }
    }
}

/// An exchange source that counts each call it passes on.
public struct CountingSource: ExchangeSource {
    public var inner: any ExchangeSource
    public var counter: CallCounter
    /// The environment whose calls these are.
    public var environment: String

    public init(_ inner: any ExchangeSource, counter: CallCounter, environment: String = "") {
        self.inner = inner
        self.counter = counter
        self.environment = environment
    }

    public func perform(_ call: APICall) async throws -> Data {
        counter.record(call, environment: environment)
        defer { counter.finished(environment: environment) }
        return try await inner.perform(call)
    }

    public func credentialHealth() async -> CredentialHealth? { await inner.credentialHealth() }
}

/// How many calls an environment has made and had back.
public struct CallProgress: Codable, Equatable, Sendable {
    public var answered: Int
    public var made: Int

    public init(answered: Int = 0, made: Int = 0) {
        self.answered = answered
        self.made = made
    }
}

/// A transport that counts each request it sends, so retries and credential calls are in the API-call figures.
public struct CountedTransport: HTTPTransport {
    public var inner: any HTTPTransport
    public var counter: CallCounter

    public init(_ inner: any HTTPTransport, counter: CallCounter) {
        self.inner = inner
        self.counter = counter
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        counter.recordSent(request.operation.isEmpty ? "\(request.method) \(request.url.host ?? "")" : request.operation)
        return try await inner.send(request)
    }
}
