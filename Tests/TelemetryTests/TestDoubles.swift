import Foundation
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

/// Loads a file from the test resources.
func resource(_ path: String) throws -> Data {
    try Data(contentsOf: Bundle.module.resourceURL!.appendingPathComponent(path))
}

/// A transport that answers from a script and remembers every request it was sent.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var script: [Result<HTTPResponse, TransportError>]
    private(set) var requests: [HTTPRequest] = []

    init(_ script: [Result<HTTPResponse, TransportError>]) { self.script = script }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let next: Result<HTTPResponse, TransportError> = lock.withLock {
            requests.append(request)
            return script.isEmpty ? .failure(TransportError(.other, "script exhausted")) : script.removeFirst()
        }
        return try next.get()
    }

    /// The value of header `name` in request `index`.
    func header(_ name: String, of index: Int) -> String? {
        lock.withLock { requests[index].headers.first { $0.name.lowercased() == name.lowercased() }?.value }
    }

    var count: Int { lock.withLock { requests.count } }
}

/// An exchange source that answers each operation from a queue of canned bodies (or errors) and records the calls.
final class CannedSource: ExchangeSource, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [String: [Result<Data, Error>]]
    private(set) var calls: [APICall] = []

    init(_ answers: [String: [Result<Data, Error>]]) { self.answers = answers }

    func perform(_ call: APICall) async throws -> Data {
        let answer: Result<Data, Error> = lock.withLock {
            calls.append(call)
            guard var queue = answers[call.operation], !queue.isEmpty else {
                return .failure(AWSError(service: call.service.endpointPrefix, operation: call.operation, status: 400, code: "NotScripted", message: "no canned answer"))
            }
            let first = queue.removeFirst()
            answers[call.operation] = queue
            return first
        }
        return try answer.get()
    }
}

extension HTTPResponse {
    /// A response with a text body.
    static func text(_ status: Int, _ body: String, headers: [String: String] = [:]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
    }
}
