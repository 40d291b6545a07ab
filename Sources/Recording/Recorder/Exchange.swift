import FoundationEssentials
import AWSCore
import Telemetry

/// One recorded API exchange: when, which account, which call, and what came back (redacted; never credentials).
public struct Exchange: Codable, Equatable, Sendable {
    /// Seconds since the recording started.
    public var t: Double
    public var env: String
    public var account: String
    public var region: String
    /// The service's endpoint prefix (`monitoring`, `cloudformation`, ...).
    public var service: String
    public var op: String
    /// The call's canonical parameters (`APICall.canonicalParameters`).
    public var params: String
    /// HTTP status; 0 when no response arrived.
    public var status: Int
    /// The body of a successful response.
    public var body: String?
    /// The error code and message of a failed call.
    public var code: String?
    public var message: String?

    /// The exchange for `call` and its outcome.
    public init(t: Double, environment: EnvironmentConfig, call: APICall, outcome: Result<Data, Error>) {
        self.t = t
        env = environment.name
        account = environment.accountId
        region = environment.region
        service = call.service.endpointPrefix
        op = call.operation
        params = call.canonicalParameters
        switch outcome {
        case .success(let data):
            status = 200
            body = Redaction.scrub(String(decoding: data, as: UTF8.self))
        case .failure(let error as AWSError):
            status = error.status ?? 0
            code = error.code
            message = Redaction.scrub(error.message)
        case .failure(let error as TransportError):
            status = 0
            code = "transport.\(error.kind.rawValue)"
            message = error.message
        case .failure(let error):
            status = 0
            code = "error"
            message = Redaction.scrub("\(error)")
        }
    }

    /// The outcome as the live client would have returned it.
    public var outcome: Result<Data, Error> {
        if let body, (200..<300).contains(status) { return .success(Data(body.utf8)) }
        if let code, code.hasPrefix("transport.") {
            return .failure(TransportError(TransportError.Kind(rawValue: String(code.dropFirst(10))) ?? .other, message ?? code))
        }
        return .failure(AWSError(service: service, operation: op, status: status == 0 ? nil : status, code: code ?? "HTTP\(status)", message: message ?? ""))
    }
}
