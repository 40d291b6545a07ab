import FoundationEssentials
import AWSCore

/// Counts the calls made through it, for one detail fetch or one log read.
final class CallTally: ExchangeSource, @unchecked Sendable {
    let inner: any ExchangeSource
    private let lock = Lock()
    private var made = 0

    init(_ inner: any ExchangeSource) { self.inner = inner }

    var count: Int { lock.withLock { made } }

    func perform(_ call: APICall) async throws -> Data {
        lock.withLock { made += 1 }
        return try await inner.perform(call)
    }

    func credentialHealth() async -> CredentialHealth? { await inner.credentialHealth() }
}
