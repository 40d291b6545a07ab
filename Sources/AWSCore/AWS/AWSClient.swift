import FoundationEssentials
import Logging

/// The live exchange source for one account and region: resolves the endpoint, signs with SigV4, sends through the
/// transport, and retries as the SDKs' standard mode does (backoff with jitter, clock-skew correction, credential refresh).
public struct AWSClient: ExchangeSource {
    public var region: String
    /// Nil sends unsigned requests (STS AssumeRoleWithWebIdentity).
    public var credentials: (any CredentialProvider)?
    public var transport: any HTTPTransport
    public var endpoints: EndpointResolver
    public var retry: RetryPolicy
    public var skew: ClockSkew
    public var now: @Sendable () -> Date = Date.init
    public var sleep: @Sendable (Double) async throws -> Void = { try await Task.sleep(nanoseconds: UInt64($0 * 1e9)) }
    public var jitter: @Sendable () -> Double = { Double.random(in: 0..<1) }
    /// Whether calls that change AWS may be sent (--allow-actions); when false they fail before leaving the process.
    public var allowsActions = false

    public init(region: String, credentials: (any CredentialProvider)?, transport: any HTTPTransport, endpoints: EndpointResolver, retry: RetryPolicy = RetryPolicy(), skew: ClockSkew = ClockSkew()) {
        self.region = region
        self.credentials = credentials
        self.transport = transport
        self.endpoints = endpoints
        self.retry = retry
        self.skew = skew
    }

    public func perform(_ call: APICall) async throws -> Data {
        let log = OpsdeckLog.logger("aws")
        let name = "\(call.service.endpointPrefix) \(call.operation)"
        guard allowsActions || !call.changesAWS else {
            log.warning("refused \(name): it changes AWS and opsdeck runs without --allow-actions", metadata: ["region": "\(region)"])
            throw AWSError.actionsNotAllowed(call)
        }
        var attempt = 1
        var refreshedCredentials = false
        while true {
            let started = Date()
            do {
                let body = try await attemptOnce(call)
                retry.quota.refund()
                log.debug("\(name) ok", metadata: ["region": "\(region)", "attempt": "\(attempt)", "ms": "\(Int(saturating: Date().timeIntervalSince(started) * 1000))", "bytes": "\(body.count)"])
                return body
            } catch let caught {
                let skewed = caught as? SkewedResponse
                let error = skewed?.error ?? caught
                log.info("\(name) failed: \(error)", metadata: ["region": "\(region)", "attempt": "\(attempt)", "ms": "\(Int(saturating: Date().timeIntervalSince(started) * 1000))"])
                guard attempt < retry.maxAttempts, let reason = RetryPolicy.reason(for: error) else { throw error }
                switch reason {
                case .clockSkew:
                    guard let skewed, skew.learn(serverDate: skewed.serverDate, localDate: now()) else { throw error }
                    log.notice("clock skew corrected: now \(skew.current) s from the local clock", metadata: ["call": "\(name)"])
                case .expiredCredentials:
                    guard !refreshedCredentials, let credentials else { throw error }
                    refreshedCredentials = true
                    log.notice("credentials expired; fetching new ones", metadata: ["call": "\(name)"])
                    await credentials.invalidate()
                case .throttling, .transient:
                    let timeout = (error as? TransportError)?.kind == .timeout
                    guard retry.quota.acquire(timeout: timeout) else {
                        log.warning("retry quota spent; not retrying \(name)")
                        throw error
                    }
                    let delay = retry.delay(after: attempt, jitter: jitter())
                    log.notice("\(reason == .throttling ? "throttled" : "transient failure"); retrying \(name) in \(Int(saturating: delay * 1000)) ms", metadata: ["attempt": "\(attempt)"])
                    try await sleep(delay)
                }
                attempt += 1
            }
        }
    }

    public func credentialHealth() async -> CredentialHealth? {
        guard let credentials else { return nil }
        return CredentialHealth(origin: credentials.origin, expiration: await credentials.expiration())
    }

    /// A clock-skew error together with the server time that explains it.
    struct SkewedResponse: Error {
        var error: AWSError
        var serverDate: Date
    }

    private func attemptOnce(_ call: APICall) async throws -> Data {
        let base = try endpoints.url(for: call.service, region: region)
        let (body, extra) = call.wireBody
        let host = base.port.map { "\(base.host!):\($0)" } ?? base.host!
        var (method, path, query) = ("POST", base.path.isEmpty ? "/" : base.path, "")
        if case .rest(let restMethod, let restPath, let restQuery) = call.input {
            (method, path, query) = (restMethod, (base.path.hasSuffix("/") ? String(base.path.dropLast()) : base.path) + restPath, restQuery)
        }
        let rest = call.service.wire == .restXML
        var request = SignableRequest(method: method, path: path, query: query, headers: [("Host", host)] + extra, body: body)
        if let credentials {
            let signer = SigV4Signer(region: region, service: call.service.signingName, normalizePath: !rest, signsBodyHash: rest)
            request = signer.sign(request, credentials: try await credentials.credentials(), date: now().addingTimeInterval(skew.current)).request
        }
        var components = URLComponents(url: base, resolvingAgainstBaseURL: false)!
        components.percentEncodedPath = path
        components.percentEncodedQuery = query.isEmpty ? nil : query
        let http = HTTPRequest(method: method, url: components.url!, headers: request.headers.filter { $0.name != "Host" }, body: body,
                               operation: "\(call.service.endpointPrefix) \(call.operation)")
        let response = try await transport.send(http)
        guard (200..<300).contains(response.status) else {
            let error = AWSError.from(response, call: call)
            if RetryPolicy.reason(for: error) == .clockSkew, let serverDate = response.serverDate {
                throw SkewedResponse(error: error, serverDate: serverDate)
            }
            throw error
        }
        return response.body
    }
}
