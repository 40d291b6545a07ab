import FoundationEssentials
import AWSCore

/// A live tail of one or more log groups, possibly in several accounts: the events so far in time order (the newest
/// `capacity`), where each group's next read starts, and what failed. A value the console keeps and the fetcher fills.
public struct LogTail: Equatable, Sendable {
    /// One tailed group in one environment.
    public struct Source: Hashable, Sendable {
        public var environment: String
        public var group: String

        public init(environment: String, group: String) {
            self.environment = environment
            self.group = group
        }

        /// The log group Lambda writes `function`'s logs to.
        public static func lambda(_ function: String, environment: String) -> Source {
            Source(environment: environment, group: "/aws/lambda/\(function)")
        }
    }

    public var sources: [Source]
    public private(set) var events: [LogEvent] = []
    /// Epoch seconds each source's next FilterLogEvents starts at: its newest event's time (events at that very
    /// millisecond are told apart by id).
    public private(set) var since: [Source: Double] = [:]
    /// Each source's failure in the last read, naming the call and its cause.
    public private(set) var failures: [Source: String] = [:]
    /// The CloudWatch Logs filter pattern sent with each read, if any.
    public var pattern: String?
    /// Calls made so far.
    public private(set) var calls = 0
    public var capacity: Int
    private var seen: Set<String> = []

    /// How far back the first read goes.
    public static let backfill: Double = 900

    public init(sources: [Source], pattern: String? = nil, capacity: Int = 5000) {
        self.sources = sources
        self.pattern = pattern
        self.capacity = capacity
    }

    /// Where `source`'s next read starts, seen from `now`.
    public func start(of source: Source, now: Double) -> Double { since[source] ?? now - Self.backfill }

    /// Takes one read of `source`: its new events merged in time order, or its failure.
    public mutating func merge(_ outcome: Result<[LogEvent], LogFailure>, from source: Source, calls: Int) {
        self.calls += calls
        switch outcome {
        case .failure(let failure):
            failures[source] = failure.description
        case .success(let batch):
            failures[source] = nil
            let fresh = batch.filter { seen.insert("\(source.environment) \(source.group) \($0.id)").inserted }
            if let newest = batch.map(\.time).max() { since[source] = max(since[source] ?? 0, newest) }
            guard !fresh.isEmpty else { return }
            events = (events + fresh).sorted { ($0.time, $0.environment, $0.group) < ($1.time, $1.environment, $1.group) }
            if events.count > capacity { events.removeFirst(events.count - capacity) }
        }
    }

    /// Starts over with a new filter pattern: the events so far were read without it.
    public mutating func refilter(_ pattern: String?) {
        self.pattern = pattern
        events = []
        since = [:]
        seen = []
        failures = [:]
    }
}

/// Why a read of a log group failed, as shown on the tail.
public struct LogFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
