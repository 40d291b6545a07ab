import FoundationEssentials
import Glibc

/// The AWS SDKs' "standard" retry mode: up to three attempts, exponential backoff with full jitter capped at 20 s,
/// retrying throttling, transient and clock-skew errors, and drawing retries from a shared quota so an outage does not multiply load.
public struct RetryPolicy: Sendable {
    public var maxAttempts = 3
    public var baseDelay = 1.0
    public var maxDelay = 20.0
    public var quota: RetryQuota

    public init(quota: RetryQuota = RetryQuota()) { self.quota = quota }

    /// Why a failure may be retried.
    public enum Reason: Sendable, Equatable {
        case throttling, transient, clockSkew, expiredCredentials
    }

    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ]
    static let transientCodes: Set<String> = ["RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable"]
    static let skewCodes: Set<String> = ["RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture", "InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure"]
    static let expiredCodes: Set<String> = ["ExpiredToken", "ExpiredTokenException", "RequestExpiredException"]

    /// Whether `error` may succeed on another attempt, and why.
    public static func reason(for error: Error) -> Reason? {
        if let transport = error as? TransportError {
            return transport.kind == .timeout || transport.kind == .connection ? .transient : nil
        }
        guard let aws = error as? AWSError else { return nil }
        if throttlingCodes.contains(aws.code) || aws.status == 429 { return .throttling }
        if expiredCodes.contains(aws.code) { return .expiredCredentials }
        if skewCodes.contains(aws.code) { return .clockSkew }
        if transientCodes.contains(aws.code) || [500, 502, 503, 504].contains(aws.status ?? 0) { return .transient }
        return nil
    }

    /// Seconds to wait before attempt `attempt + 1` (attempt counts from 1), given a random fraction in [0, 1).
    public func delay(after attempt: Int, jitter: Double) -> Double {
        jitter * min(maxDelay, baseDelay * pow(2, Double(attempt - 1)))
    }
}

/// The retry token bucket shared by all clients of a process: retries cost tokens, successes refund them.
public final class RetryQuota: @unchecked Sendable {
    private let lock = Lock()
    private var tokens: Int
    private let capacity: Int

    public init(capacity: Int = 500) {
        self.capacity = capacity
        tokens = capacity
    }

    /// Takes the cost of a retry (10 after a timeout, else 5); false when the bucket is empty.
    public func acquire(timeout: Bool) -> Bool {
        lock.withLock {
            let cost = timeout ? 10 : 5
            guard tokens >= cost else { return false }
            tokens -= cost
            return true
        }
    }

    /// Returns a token after a successful call.
    public func refund() {
        lock.withLock { tokens = min(capacity, tokens + 1) }
    }

    /// Tokens left.
    public var available: Int { lock.withLock { tokens } }
}
