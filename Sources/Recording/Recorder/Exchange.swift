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
    public var body: String? {
        get { bodyText ?? packedBody?.text }
        set {
            bodyText = newValue
            packedBody = nil
        }
    }
    private var bodyText: String?
    private var packedBody: PackedText?
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

    /// Keeps the body deflated until it is read (a detail answer waiting for its view).
    public mutating func pack() {
        guard let bodyText else { return }
        packedBody = PackedText(bodyText)
        self.bodyText = nil
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

extension Exchange {
    /// The recorded members: the body as text, packed or not.
    private enum CodingKeys: String, CodingKey {
        case t, env, account, region, service, op, params, status, body, code, message
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        t = try container.decode(Double.self, forKey: .t)
        env = try container.decode(String.self, forKey: .env)
        account = try container.decode(String.self, forKey: .account)
        region = try container.decode(String.self, forKey: .region)
        service = try container.decode(String.self, forKey: .service)
        op = try container.decode(String.self, forKey: .op)
        params = try container.decode(String.self, forKey: .params)
        status = try container.decode(Int.self, forKey: .status)
        bodyText = try container.decodeIfPresent(String.self, forKey: .body)
        code = try container.decodeIfPresent(String.self, forKey: .code)
        message = try container.decodeIfPresent(String.self, forKey: .message)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(t, forKey: .t)
        try container.encode(env, forKey: .env)
        try container.encode(account, forKey: .account)
        try container.encode(region, forKey: .region)
        try container.encode(service, forKey: .service)
        try container.encode(op, forKey: .op)
        try container.encode(params, forKey: .params)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(body, forKey: .body)
        try container.encodeIfPresent(code, forKey: .code)
        try container.encodeIfPresent(message, forKey: .message)
    }

    /// Equal when every member is, the body compared as text whether packed or not.
    public static func == (lhs: Exchange, rhs: Exchange) -> Bool {
        (lhs.t, lhs.env, lhs.account, lhs.region) == (rhs.t, rhs.env, rhs.account, rhs.region) && (lhs.service, lhs.op, lhs.params, lhs.status) == (rhs.service, rhs.op, rhs.params, rhs.status)
            && (lhs.code, lhs.message) == (rhs.code, rhs.message) && lhs.body == rhs.body
    }
}
