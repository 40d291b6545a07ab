import FoundationEssentials

/// A failed AWS call: an error response from the service, a transport failure, or a local configuration problem.
public struct AWSError: Error, Equatable, CustomStringConvertible {
    public var service: String
    public var operation: String
    public var status: Int?
    public var code: String
    public var message: String
    public var requestId: String?

    public init(service: String, operation: String, status: Int?, code: String, message: String, requestId: String? = nil) {
        self.service = service
        self.operation = operation
        self.status = status
        self.code = code
        self.message = message
        self.requestId = requestId
    }

    public var description: String {
        let where_ = service.isEmpty ? "" : "\(service) \(operation): "
        let http = status.map { " (HTTP \($0))" } ?? ""
        return "\(where_)\(code)\(message.isEmpty ? "" : ": \(message)")\(http)"
    }

    /// An error found before any request was sent.
    public static func configuration(_ message: String) -> AWSError {
        AWSError(service: "", operation: "", status: nil, code: "ConfigurationError", message: message)
    }

    /// A response that could not be understood.
    public static func malformed(_ call: APICall, _ detail: String) -> AWSError {
        AWSError(service: call.service.endpointPrefix, operation: call.operation, status: nil, code: "MalformedResponse", message: detail)
    }

    /// Reads an error response of any AWS protocol (query XML, REST XML, JSON `__type`), or describes what came instead.
    public static func from(_ response: HTTPResponse, call: APICall) -> AWSError {
        let service = call.service.endpointPrefix
        let requestId = response.headers["x-amzn-requestid"] ?? response.headers["x-amz-request-id"]
        let body = response.body
        func make(_ code: String, _ message: String, _ id: String? = nil) -> AWSError {
            AWSError(service: service, operation: call.operation, status: response.status, code: code, message: message, requestId: id ?? requestId)
        }
        /// An HTML page: a server error page from the service itself on 5xx, else something in between answered.
        func htmlPage() -> AWSError {
            if response.status >= 500 {
                return make("ServerError", "the service failed and sent an HTML error page\(requestId.map { " (request id \($0))" } ?? ""); opsdeck retries")
            }
            return make("UnexpectedHTML", "the endpoint answered with an HTML page, not an AWS response (proxy or wrong endpoint?)")
        }
        let text = String(decoding: body.prefix(512), as: UTF8.self).trimming(.whitespacesAndNewlines)
        if text.hasPrefix("<") {
            if let root = try? XMLReader.parse(body) {
                if root.name.lowercased() == "html" {
                    return htmlPage()
                }
                let error = root.name == "Error" ? root : (root.at("Error") ?? root.at("Errors", "Error"))
                if let error, let code = error.string("Code") {
                    return make(code, error.string("Message") ?? "", root.string("RequestId") ?? root.string("RequestID") ?? error.string("RequestId"))
                }
            } else if text.lowercased().contains("<html") || text.lowercased().hasPrefix("<!doctype html") {
                return htmlPage()
            }
        } else if text.hasPrefix("{"), let object = try? JSONDecoder().decode([String: JSONValue].self, from: body) {
            let type = (object["__type"] ?? object["code"] ?? object["Code"]).flatMap { if case .string(let s) = $0 { s } else { nil } }
            let message = (object["message"] ?? object["Message"] ?? object["error_description"]).flatMap { if case .string(let s) = $0 { s } else { nil } } ?? ""
            let header = response.headers["x-amzn-errortype"]
            // OAuth-style bodies (IAM Identity Center OIDC) name the error in "error" ("authorization_pending").
            let oauth = object["error"].flatMap { if case .string(let s) = $0 { s } else { nil } }
            if let raw = type ?? header ?? oauth {
                let code = raw.split(separator: "#").last.map(String.init)?.split(separator: ":").first.map(String.init) ?? raw
                return make(code, message)
            }
        }
        if let header = response.headers["x-amzn-errortype"] {
            return make(header.split(separator: ":").first.map(String.init) ?? header, "")
        }
        let snippet = text.isEmpty ? "an empty body" : "an unrecognised body starting \"\(text.prefix(60))\""
        return make("HTTP\(response.status)", "the service answered HTTP \(response.status) with \(snippet)")
    }
}
