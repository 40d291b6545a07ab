import FoundationEssentials
import AWSCore

extension LogsClient {
    /// Events of `group` from `start` on (FilterLogEvents with the filter pattern, if any), oldest first, following
    /// nextToken up to `limit` events.
    public func tail(group: String, environment: String, start: Date, end: Date? = nil, pattern: String? = nil, limit: Int = 2000) async throws -> [LogEvent] {
        let events = try await source.paginate(maxItems: limit, sameTokenEnds: true, { token in
            var body: [String: JSONValue] = ["logGroupName": .string(group), "startTime": .number((start.timeIntervalSince1970 * 1000).rounded(.down)),
                                             "limit": .number(Double(min(10_000, limit)))]
            if let end { body["endTime"] = .number((end.timeIntervalSince1970 * 1000).rounded(.down)) }
            if let pattern, !pattern.isEmpty { body["filterPattern"] = .string(pattern) }
            if let token { body["nextToken"] = .string(token) }
            return APICall(.logs, "FilterLogEvents", .json(.object(body)))
        }, read: { body, call in
            let root = try JSONValue.parse(body, for: call)
            let items = (root["events"]?.array ?? []).compactMap { event -> LogEvent? in
                guard let message = event["message"]?.string, let stamp = event["timestamp"]?.double else { return nil }
                return LogEvent(environment: environment, group: group, stream: event["logStreamName"]?.string ?? "", time: stamp / 1000,
                                id: event["eventId"]?.string ?? "\(stamp)-\(message.hashValue)", message: message)
            }
            return (items, root["nextToken"]?.string)
        })
        return events.sorted { $0.time < $1.time }
    }

    /// Starts a Logs Insights query over `groups` between `start` and `end`; returns its id.
    public func startQuery(groups: [String], start: Date, end: Date, query: String, limit: Int = 20) async throws -> String {
        let call = APICall(.logs, "StartQuery", .json([
            "logGroupNames": .array(groups.map(JSONValue.string)), "startTime": .number(start.timeIntervalSince1970.rounded(.down)),
            "endTime": .number(end.timeIntervalSince1970.rounded(.down)), "queryString": .string(query), "limit": .number(Double(limit)),
        ]))
        let root = try JSONValue.parse(try await source.perform(call), for: call)
        guard let id = root["queryId"]?.string else { throw AWSError.malformed(call, "no queryId in the answer") }
        return id
    }

    /// Runs a Logs Insights query: StartQuery, then GetQueryResults every `pause` seconds until it ends or `timeout`
    /// seconds pass; the last answer.
    public func runQuery(groups: [String], start: Date, end: Date, query: String, limit: Int = 20, timeout: Double = 30, pause: Double = 1) async throws -> InsightsResult {
        let id = try await startQuery(groups: groups, start: start, end: end, query: query, limit: limit)
        let deadline = Date().addingTimeInterval(timeout)
        var result = try await queryResults(id)
        while !result.isDone, Date() < deadline {
            try await Task.sleep(nanoseconds: UInt64(pause * 1e9))
            result = try await queryResults(id)
        }
        return result
    }

    /// GetQueryResults: the query's status, its rows (field to value) and the bytes it scanned so far.
    public func queryResults(_ id: String) async throws -> InsightsResult {
        let call = APICall(.logs, "GetQueryResults", .json(["queryId": .string(id)]))
        let root = try JSONValue.parse(try await source.perform(call), for: call)
        let rows = (root["results"]?.array ?? []).map { row in
            Dictionary(row.array.compactMap { cell -> (String, String)? in
                guard let field = cell["field"]?.string, let value = cell["value"]?.string else { return nil }
                return (field, value)
            }) { first, _ in first }
        }
        return InsightsResult(status: root["status"]?.string ?? "Unknown", rows: rows,
                              bytesScanned: root["statistics"]?["bytesScanned"]?.double ?? 0)
    }
}
