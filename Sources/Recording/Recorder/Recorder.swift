import FoundationEssentials
import AWSCore
import Telemetry

/// Writes a recording as the session runs: exchanges are gathered per cycle and written, sorted so the output does
/// not depend on the order concurrent calls finished, when the cycle ends. Each cycle is flushed (and, in gzip, sync-
/// flushed) so a session cut short leaves a readable file.
public final class Recorder: @unchecked Sendable {
    private let lock = Lock()
    private let file: PrivateFile.Writer
    private let gzip: GzipWriter?
    private let header: Recording.Header
    private let now: @Sendable () -> Date
    private var pending: [Exchange] = []
    /// Exchanges written so far.
    public private(set) var written = 0

    /// Creates `url` (mode 0600; gzip when `gzip`) and writes the header.
    public init(url: URL, header: Recording.Header, gzip: Bool, now: @escaping @Sendable () -> Date = Date.init) throws {
        do {
            file = try PrivateFile.Writer(url, truncate: true)
        } catch {
            throw RecordingError(line: 0, cause: "\(error)")
        }
        self.gzip = gzip ? GzipWriter() : nil
        self.header = header
        self.now = now
        try write(RecordingCodec.encode(header))
    }

    /// Seconds since the recording's start.
    public var elapsed: Double { offset(now()) }

    /// Seconds from the recording's start to `date`, to the millisecond.
    private func offset(_ date: Date) -> Double { (date.timeIntervalSince(header.start) * 1000).rounded() / 1000 }

    /// Remembers one exchange of the cycle under way.
    public func record(_ exchange: Exchange) {
        lock.withLock { pending.append(exchange) }
    }

    /// Writes the cycle polled at `date` with the exchanges gathered since the last one.
    public func endCycle(at date: Date, polled: [String]) throws {
        let order = Dictionary(uniqueKeysWithValues: header.environments.enumerated().map { ($1.name, $0) })
        let exchanges = lock.withLock {
            defer { pending = [] }
            return pending.sorted { ((order[$0.env] ?? 0), $0.service, $0.op, $0.params, $0.t) < ((order[$1.env] ?? 0), $1.service, $1.op, $1.params, $1.t) }
        }
        try write(RecordingCodec.encode(Recording.Cycle(t: offset(date), polled: polled, exchanges: exchanges)))
        lock.withLock { written += exchanges.count }
    }

    /// Writes the exchanges gathered since the last cycle as the recording's detail exchanges, after every cycle.
    public func endDetails(at date: Date) throws {
        let exchanges = lock.withLock {
            defer { pending = [] }
            return pending.sorted { ($0.env, $0.service, $0.op, $0.params) < ($1.env, $1.service, $1.op, $1.params) }
        }
        var unique: [Exchange] = []
        for exchange in exchanges where unique.last.map({ ($0.env, $0.service, $0.op, $0.params) != (exchange.env, exchange.service, exchange.op, exchange.params) }) ?? true {
            unique.append(exchange)
        }
        try write(RecordingCodec.encode(details: unique, t: offset(date), environments: header.environments.map(\.name)))
        lock.withLock { written += unique.count }
    }

    /// Ends the gzip stream and closes the file; a write that fails here or earlier is an error naming the file.
    public func finish() throws {
        try checked {
            if let gzip { try file.write(gzip.compress(Data(), final: true)) }
            try file.close()
        }
    }

    private func write(_ data: Data) throws {
        try checked { try file.write(gzip.map { $0.compress(data) } ?? data) }
    }

    /// Runs a file operation; its failure becomes a recording error naming the file and the cause.
    private func checked(_ operation: () throws -> Void) throws {
        do {
            try operation()
        } catch {
            throw RecordingError(line: 0, cause: "\(error)")
        }
    }
}

/// An exchange source that records every call it passes on, outcome included.
public struct RecordingSource: ExchangeSource {
    public var inner: any ExchangeSource
    public var environment: EnvironmentConfig
    public var recorder: Recorder

    public init(_ inner: any ExchangeSource, environment: EnvironmentConfig, recorder: Recorder) {
        self.inner = inner
        self.environment = environment
        self.recorder = recorder
    }

    public func perform(_ call: APICall) async throws -> Data {
        let t = recorder.elapsed
        let outcome: Result<Data, Error>
        do {
            outcome = .success(try await inner.perform(call))
        } catch {
            outcome = .failure(error)
        }
        recorder.record(Exchange(t: t, environment: environment, call: call, outcome: ParameterRedaction.scrub(outcome, of: call, environment: environment.name)))
        return try outcome.get()
    }

    public func credentialHealth() async -> CredentialHealth? { await inner.credentialHealth() }
}
