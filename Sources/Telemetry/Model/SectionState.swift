import FoundationEssentials
import AWSCore

/// How one poll section stands in one environment: what its data is worth and, when it failed, which call failed why.
public struct SectionState: Codable, Equatable, Sendable {
    public var phase: Phase
    /// When the section's data was last fetched in full.
    public var lastGood: Date?
    /// The call that failed and why, when `phase` is failed.
    public var failure: SectionFailure?

    public init(phase: Phase, lastGood: Date? = nil, failure: SectionFailure? = nil) {
        self.phase = phase
        self.lastGood = lastGood
        self.failure = failure
    }

    /// Where the section's data stands.
    public enum Phase: String, Codable, Sendable {
        /// Never answered yet: the first poll is under way.
        case loading
        /// Answered in the latest poll.
        case fresh
        /// Answered, but not within two poll intervals (the environment is backing off or was not due).
        case stale
        /// The latest poll's call failed; its rows are replaced by the failure.
        case failed
        /// Nothing to watch in this environment (no functions, rules, … named): the section makes no call.
        case notConfigured = "not configured"
    }
}

/// A section's failed call, classified so the screen can say what it means.
public struct SectionFailure: Codable, Equatable, Sendable {
    /// The call as IAM names it ("config:DescribeComplianceByConfigRule"), or what failed before any call.
    public var call: String
    public var cause: Cause
    /// The service's error code, when the service answered.
    public var code: String?
    /// The whole error text.
    public var detail: String

    /// What kind of failure.
    public enum Cause: String, Codable, Sendable {
        case accessDenied = "access denied"
        case throttled
        case notSupported = "not supported by this endpoint"
        case serverError = "server error"
        case timeout
        case connection = "connection failed"
        case signedOut = "signed out"
        case credentials = "no usable credentials"
        case malformed = "malformed response"
        case other = "failed"
    }

    /// "AccessDeniedException (HTTP 400) on config:DescribeComplianceByConfigRule", the short form panels show; a
    /// failure before any call is its cause alone.
    public var summary: String {
        call.contains(":") ? "\(code ?? cause.rawValue) on \(call)" : cause.rawValue
    }
}

extension SectionFailure {
    /// Classifies `error` thrown by a section's calls.
    public init(_ error: any Error) {
        let detail = "\(error)"
        switch error {
        case let aws as AWSError:
            let call = aws.service.isEmpty ? "setup" : "\(aws.service):\(aws.operation)"
            self.init(call: call, cause: Self.cause(of: aws), code: aws.service.isEmpty ? nil : aws.code + (aws.status.map { " (HTTP \($0))" } ?? ""), detail: detail)
        case let transport as TransportError:
            self.init(call: "request", cause: transport.kind == .timeout ? .timeout : .connection, detail: detail)
        case let credential as CredentialError:
            self.init(call: "credentials", cause: credential.signedOut ? .signedOut : .credentials, detail: detail)
        case let carried as SectionError:
            self = carried.failure
        default:
            self.init(call: "poll", cause: .other, detail: detail)
        }
    }

    private static func cause(of error: AWSError) -> Cause {
        let code = error.code
        if code.hasPrefix("AccessDenied") || ["UnauthorizedOperation", "AuthorizationError", "UnauthorizedException", "AccessDeniedException"].contains(code) { return .accessDenied }
        if code.hasPrefix("Throttl") || ["TooManyRequestsException", "RequestLimitExceeded", "SlowDown", "RequestThrottled", "LimitExceededException"].contains(code) { return .throttled }
        if ["ExpiredToken", "ExpiredTokenException", "InvalidClientTokenId", "UnrecognizedClientException"].contains(code) { return .signedOut }
        if code == "MalformedResponse" { return .malformed }
        if ["InvalidAction", "UnknownOperationException", "NotImplemented", "UnsupportedOperation", "InvalidParameterCombination"].contains(code) || error.status == 501 { return .notSupported }
        if code == "RequestTimeout" || code == "RequestTimeoutException" { return .timeout }
        if let status = error.status, status >= 500 { return .serverError }
        if error.status == 403 { return .accessDenied }
        return .other
    }
}
