import Foundation
#if canImport(Glibc)
import Glibc
@testable import AWSCore
@testable import Telemetry
@testable import Recording
@testable import Demo
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for transport tests: answers each request with what `respond` returns
/// (nil: hold the connection open without answering), keeps connections alive, and counts them.
final class LoopbackServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let respond: @Sendable (String, Data) -> Answer?
    /// Writes the whole answer itself through the given writer (false once the client is gone), then the connection closes.
    private let raw: (@Sendable (_ write: (Data) -> Bool) -> Void)?
    private let lock = NSLock()
    private var connectionCount = 0
    private var requestLines: [String] = []

    /// A server whose every answer `raw` writes byte for byte: a huge Content-Length, an endless body.
    convenience init(raw: @escaping @Sendable (_ write: (Data) -> Bool) -> Void) throws {
        try self.init(respond: { _, _ in nil }, raw: raw)
    }

    /// One answer: status, extra headers, body.
    struct Answer {
        var status: Int
        var headers: [String] = []
        var body: String
    }

    convenience init(respond: @escaping @Sendable (_ requestHead: String, _ body: Data) -> (status: Int, body: String)?, raw: (@Sendable (_ write: (Data) -> Bool) -> Void)? = nil) throws {
        try self.init(answer: { head, body in respond(head, body).map { Answer(status: $0.status, body: $0.body) } }, raw: raw)
    }

    /// A server whose answers may carry headers of their own (an error type, say).
    init(answer respond: @escaping @Sendable (_ requestHead: String, _ body: Data) -> Answer?, raw: (@Sendable (_ write: (Data) -> Bool) -> Void)? = nil) throws {
        self.respond = respond
        self.raw = raw
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && listen(listener, 64) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        port = UInt16(bigEndian: address.sin_port)
        guard bound else { throw POSIXError(.EADDRINUSE) }
        Thread { [self] in acceptLoop() }.start()
    }

    /// Connections accepted so far.
    var connections: Int { lock.withLock { connectionCount } }

    /// Request lines ("POST / HTTP/1.1") seen so far.
    var requests: [String] { lock.withLock { requestLines } }

    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            lock.withLock { connectionCount += 1 }
            Thread { [self] in serve(client) }.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var pending = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            while pending.range(of: Data("\r\n\r\n".utf8)) == nil {
                let n = read(client, &chunk, chunk.count)
                guard n > 0 else { return }
                pending.append(contentsOf: chunk[0..<n])
            }
            let end = pending.range(of: Data("\r\n\r\n".utf8))!
            let head = String(decoding: pending[..<end.lowerBound], as: UTF8.self)
            let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }.flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
            while pending.count < end.upperBound + length {
                let n = read(client, &chunk, chunk.count)
                guard n > 0 else { return }
                pending.append(contentsOf: chunk[0..<n])
            }
            let body = pending[end.upperBound..<end.upperBound + length]
            pending = Data(pending[(end.upperBound + length)...])
            lock.withLock { requestLines.append(String(head.prefix { $0 != "\r" })) }
            if let raw {
                raw { data in data.withUnsafeBytes { send(client, $0.baseAddress, data.count, Int32(MSG_NOSIGNAL)) } == data.count }
                return
            }
            guard let answer = respond(head, Data(body)) else {
                while read(client, &chunk, chunk.count) > 0 {}
                return
            }
            let extra = answer.headers.map { "\($0)\r\n" }.joined()
            let response = "HTTP/1.1 \(answer.status) X\r\nContent-Length: \(answer.body.utf8.count)\r\nDate: Sun, 22 Nov 2026 20:00:00 GMT\r\n\(extra)\r\n\(answer.body)"
            _ = response.withCString { write(client, $0, strlen($0)) }
        }
    }

    /// Stops accepting new connections.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }
}
