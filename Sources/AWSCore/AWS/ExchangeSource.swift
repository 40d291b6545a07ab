import FoundationEssentials

/// Where API responses come from: the live client for one account, or (for replay) a recording of one.
public protocol ExchangeSource: Sendable {
    /// Performs `call` and returns the body of its successful response, or throws an `AWSError` / `TransportError`.
    func perform(_ call: APICall) async throws -> Data
    /// Where the source's credentials come from and when they expire; nil for sources without any (replays).
    func credentialHealth() async -> CredentialHealth?
}

extension ExchangeSource {
    public func credentialHealth() async -> CredentialHealth? { nil }
}
