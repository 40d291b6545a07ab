import FoundationEssentials

/// AWS credentials; their description never shows the secret or the token.
public struct Credentials: Equatable, Sendable, CustomStringConvertible {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?
    public var expiration: Date?

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    public var description: String {
        "Credentials(\(accessKeyId), secret: <redacted>\(sessionToken == nil ? "" : ", token: <redacted>"))"
    }
}
