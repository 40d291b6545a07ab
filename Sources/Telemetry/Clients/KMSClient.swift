import FoundationEssentials
import AWSCore

/// AWS KMS over JSON 1.1: whether a customer key rotates.
public struct KMSClient: Sendable {
    public var source: any ExchangeSource

    public init(_ source: any ExchangeSource) { self.source = source }

    /// GetKeyRotationStatus of `key` (id or ARN).
    public func rotationEnabled(_ key: String) async throws -> Bool {
        let call = APICall(.kms, "GetKeyRotationStatus", .json(["KeyId": .string(key)]))
        let root = try JSONValue.parse(try await source.perform(call), for: call)
        guard let enabled = root["KeyRotationEnabled"]?.bool else { throw AWSError.malformed(call, "no KeyRotationEnabled in the answer") }
        return enabled
    }
}
