import FoundationEssentials

/// AWS STS over the query protocol: who am I, and role assumption.
public struct STSClient: Sendable {
    public var source: any ExchangeSource

    public init(_ source: any ExchangeSource) { self.source = source }

    /// The caller's account and ARN.
    public func callerIdentity() async throws -> (account: String, arn: String) {
        let call = APICall(.sts, "GetCallerIdentity", .query([]))
        let root = try XMLTree.response(try await source.perform(call), for: call)
        guard let result = root.child("GetCallerIdentityResult"), let account = result.string("Account"), let arn = result.string("Arn") else {
            throw AWSError.malformed(call, "GetCallerIdentityResult has no Account or Arn")
        }
        return (account, arn)
    }

    /// Temporary credentials for `roleArn` (STS AssumeRole).
    public func assumeRole(_ roleArn: String, sessionName: String, externalId: String? = nil, durationSeconds: Int = 3600) async throws -> Credentials {
        var parameters = [APICall.Parameter("RoleArn", roleArn), .init("RoleSessionName", sessionName), .init("DurationSeconds", String(durationSeconds))]
        if let externalId { parameters.append(.init("ExternalId", externalId)) }
        let call = APICall(.sts, "AssumeRole", .query(parameters))
        return try Self.credentials(try await source.perform(call), result: "AssumeRoleResult", call: call)
    }

    /// Temporary credentials for `roleArn` from an OIDC token (AssumeRoleWithWebIdentity; sent unsigned).
    public func assumeRoleWithWebIdentity(_ roleArn: String, sessionName: String, token: String) async throws -> Credentials {
        let call = APICall(.sts, "AssumeRoleWithWebIdentity", .query([.init("RoleArn", roleArn), .init("RoleSessionName", sessionName), .init("WebIdentityToken", token)]))
        return try Self.credentials(try await source.perform(call), result: "AssumeRoleWithWebIdentityResult", call: call)
    }

    /// Reads the `Credentials` element of an AssumeRole* response.
    static func credentials(_ body: Data, result: String, call: APICall) throws -> Credentials {
        let root = try XMLTree.response(body, for: call)
        guard let element = root.at(result, "Credentials"), let id = element.string("AccessKeyId"), let secret = element.string("SecretAccessKey") else {
            throw AWSError.malformed(call, "\(result) has no Credentials")
        }
        let token = element.string("SessionToken").map { $0.filter { !$0.isWhitespace } }
        return Credentials(accessKeyId: id, secretAccessKey: secret, sessionToken: token, expiration: element.string("Expiration").flatMap(AWSDate.parse))
    }
}
