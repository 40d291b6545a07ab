import FoundationEssentials
import AWSCore
import Telemetry

/// Answers calls from one environment's exchanges in the cycle being replayed: the same call with the same
/// parameters first, else the next unused one of the same operation.
public final class ReplaySource: ExchangeSource, @unchecked Sendable {
    private let lock = Lock()
    private var exchanges: [Exchange] = []
    private var used: [Bool] = []

    public init() {}

    /// Serves `exchanges` from now on.
    public func load(_ exchanges: [Exchange]) {
        lock.withLock {
            self.exchanges = exchanges
            used = Array(repeating: false, count: exchanges.count)
        }
    }

    public func perform(_ call: APICall) async throws -> Data {
        let service = call.service.endpointPrefix
        let params = call.canonicalParameters
        let found: Exchange? = lock.withLock {
            let same = exchanges.indices.first { !used[$0] && exchanges[$0].service == service && exchanges[$0].op == call.operation && exchanges[$0].params == params }
            guard let index = same ?? exchanges.indices.first(where: { !used[$0] && exchanges[$0].service == service && exchanges[$0].op == call.operation }) else { return nil }
            used[index] = true
            return exchanges[index]
        }
        guard let found else {
            throw AWSError(service: service, operation: call.operation, status: nil, code: "NotRecorded", message: "the recording has no response for this call in this cycle")
        }
        return try found.outcome.get()
    }
}
