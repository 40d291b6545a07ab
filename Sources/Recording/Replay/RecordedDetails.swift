import FoundationEssentials
import AWSCore
import Telemetry

/// Answers a replayed detail view's calls from the recording's detail exchanges of one environment: the same call
/// with the same parameters, times aside (a detail read at any replay position is answered by the one recorded for
/// its range; the fetcher keeps only the points up to the position). Exchanges may answer any number of times.
public struct RecordedDetails: ExchangeSource {
    let exchanges: [String: Exchange]

    public init(_ exchanges: [Exchange]) {
        self.exchanges = Dictionary(exchanges.map { (Self.key($0.service, $0.op, $0.params), $0) }) { first, _ in first }
    }

    public func perform(_ call: APICall) async throws -> Data {
        guard let found = exchanges[Self.key(call.service.endpointPrefix, call.operation, call.canonicalParameters)] else {
            throw AWSError(service: call.service.endpointPrefix, operation: call.operation, status: nil, code: "NotRecorded",
                           message: "the recording holds no detail for this call (recordings from `opsdeck record` carry the polls only)")
        }
        return try found.outcome.get()
    }

    /// Parameter members that say when, left out of the match.
    static let times: Set<String> = ["StartTime", "EndTime", "startTime", "endTime"]

    /// The match key: service, operation and the parameters without their times.
    static func key(_ service: String, _ operation: String, _ params: String) -> String {
        guard params.hasPrefix("{"), case .object(var members)? = try? JSONDecoder().decode(JSONValue.self, from: Data(params.utf8)) else {
            return "\(service) \(operation) \(params)"
        }
        for name in times { members[name] = nil }
        return "\(service) \(operation) \(String(decoding: JSONValue.object(members).encoded, as: UTF8.self))"
    }
}
