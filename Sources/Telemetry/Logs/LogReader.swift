import FoundationEssentials
import AWSCore

/// Reads what a tail asks for, each group from where it left off, and runs Logs Insights' "top errors" query. Live,
/// the filter pattern goes to CloudWatch; a replay (`replaying`) reads the recorded lines up to the replay position
/// and applies the pattern to them here.
public struct LogReader: Sendable {
    public var sources: [String: any ExchangeSource]
    public var replaying: Bool

    public init(sources: [String: any ExchangeSource], replaying: Bool = false) {
        self.sources = sources
        self.replaying = replaying
    }

    /// One read of each source.
    public func read(_ request: LogRead) async -> [LogReadResult] {
        await withTaskGroup(of: (LogTail.Source, Result<[LogEvent], LogFailure>, Int).self) { group in
            for (source, start) in request.starts {
                group.addTask {
                    guard let exchange = self.sources[source.environment] else {
                        return (source, .failure(LogFailure("\(source.environment) has no working credentials")), 0)
                    }
                    let counted = CallTally(exchange)
                    do {
                        var events = try await LogsClient(counted).tail(group: source.group, environment: source.environment, start: Date(timeIntervalSince1970: start),
                                                                        end: request.end, pattern: self.replaying ? nil : request.pattern)
                        if self.replaying {
                            let end = request.end?.timeIntervalSince1970 ?? .infinity
                            events = events.filter { $0.time >= start && $0.time <= end && FilterPattern(request.pattern ?? "").matches($0.message) }
                        }
                        return (source, .success(events), counted.count)
                    } catch {
                        return (source, .failure(LogFailure("\(error)")), counted.count)
                    }
                }
            }
            var results: [LogReadResult] = []
            for await result in group { results.append(LogReadResult(source: result.0, outcome: result.1, calls: result.2)) }
            return results.sorted { ($0.source.environment, $0.source.group) < ($1.source.environment, $1.source.group) }
        }
    }

    /// The Logs Insights query behind "top errors": error and exception lines and timeouts, grouped by their text.
    public static let topErrorsQuery = """
        fields @message
        | filter @message like /(?i)(error|exception|task timed out)/
        | parse @message /(?<error>[A-Za-z.]*(Error|Exception)|Task timed out)/
        | stats count(*) as count by error
        | sort count desc
        | limit 10
        """

    /// Runs the top-errors query over each environment's groups from `start` to `end`, waiting up to `timeout`
    /// seconds for each, and merges the counts; bytes scanned are summed (Insights is billed by them).
    public func topErrors(_ sources: [LogTail.Source], start: Date, end: Date, timeout: Double = 30, pause: Double = 1) async -> TopErrors {
        var report = TopErrors()
        if replaying { report.note = "replayed: the query as recorded, over the recording's whole span" }
        for (environment, groups) in Dictionary(grouping: sources, by: \.environment).sorted(by: { $0.key < $1.key }) {
            guard let exchange = self.sources[environment] else {
                report.failures.append("\(environment) has no working credentials")
                continue
            }
            let counted = CallTally(exchange)
            defer { report.calls += counted.count }
            do {
                let result = try await LogsClient(counted).runQuery(groups: groups.map(\.group), start: start, end: end, query: Self.topErrorsQuery,
                                                                    timeout: timeout, pause: pause)
                report.bytesScanned += result.bytesScanned
                guard result.status == "Complete" else {
                    report.failures.append("\(environment) Logs Insights query \(result.status.lowercased())")
                    continue
                }
                // A row of the stats query is an error and its count; a row without them (another query's shape) counts once.
                for row in result.rows {
                    report.counts[row["error"] ?? row["@message"] ?? "(no error name in the line)", default: 0] += Double(row["count"] ?? "") ?? 1
                }
            } catch {
                report.failures.append("\(error)")
            }
        }
        return report
    }
}

/// One source's part of a read: its events or its failure, and the calls it took.
public struct LogReadResult: Equatable, Sendable {
    public var source: LogTail.Source
    public var outcome: Result<[LogEvent], LogFailure>
    public var calls: Int

    public init(source: LogTail.Source, outcome: Result<[LogEvent], LogFailure>, calls: Int) {
        self.source = source
        self.outcome = outcome
        self.calls = calls
    }
}

/// What a tail asks of one read: each source's start, the pattern, and (in a replay) the end.
public struct LogRead: Equatable, Sendable {
    public var starts: [LogTail.Source: Double]
    public var pattern: String?
    public var end: Date?

    public init(_ tail: LogTail, now: Date, end: Date?) {
        starts = Dictionary(uniqueKeysWithValues: tail.sources.map { ($0, tail.start(of: $0, now: now.timeIntervalSince1970)) })
        pattern = tail.pattern
        self.end = end
    }
}

/// Logs Insights' top errors over the tailed groups: counts by error text, bytes scanned, calls and failures.
public struct TopErrors: Equatable, Sendable {
    public var counts: [String: Double] = [:]
    public var bytesScanned: Double = 0
    public var calls = 0
    public var failures: [String] = []
    /// Said of a replayed report: the recorded query's range, whatever range was asked.
    public var note: String?

    public init() {}

    /// The errors, most frequent first.
    public var ranked: [(error: String, count: Double)] { counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) } }

}
