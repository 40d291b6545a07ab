import FoundationEssentials
import AWSCore

/// CloudWatch Logs over JSON 1.1: the raw events of a log group in a time window.
public struct LogsClient: Sendable {
    public var source: any ExchangeSource

    public init(_ source: any ExchangeSource) { self.source = source }

    /// Messages logged to `group` between `start` and `end`, following nextToken up to `limit` events.
    public func events(group: String, start: Date, end: Date, limit: Int = 10_000) async throws -> [String] {
        let messages = try await source.paginate(maxItems: limit, sameTokenEnds: true, { token in
            var body: [String: JSONValue] = [
                "logGroupName": .string(group), "startTime": .number((start.timeIntervalSince1970 * 1000).rounded(.down)),
                "endTime": .number((end.timeIntervalSince1970 * 1000).rounded(.down)), "limit": .number(Double(min(10_000, limit))),
            ]
            if let token { body["nextToken"] = .string(token) }
            return APICall(.logs, "FilterLogEvents", .json(.object(body)))
        }, read: { body, call in
            let root = try JSONValue.parse(body, for: call)
            return ((root["events"]?.array ?? []).compactMap { $0["message"]?.string }, root["nextToken"]?.string)
        })
        return Array(messages.prefix(limit))
    }
}
