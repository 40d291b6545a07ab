import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

/// The libcurl multi transport against a loopback server: concurrency, connection reuse, headers, timeouts, refusals.
@Suite(.serialized) struct CurlTransportTests {
    @Test func concurrentRequestsShareConnections() async throws {
        let server = try LoopbackServer { head, body in
            usleep(20_000)
            return (200, "echo \(body.count) \(head.contains("X-Test: yes") ? "header" : "no-header")")
        }
        defer { server.stop() }
        let transport = CurlTransport(options: TransportOptions())
        defer { transport.close() }
        let request = HTTPRequest(method: "POST", url: server.url, headers: [("X-Test", "yes")], body: Data("0123456789".utf8))
        let responses = try await withThrowingTaskGroup(of: HTTPResponse.self) { group in
            for _ in 0..<40 { group.addTask { try await transport.send(request) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(responses.count == 40)
        #expect(responses.allSatisfy { $0.status == 200 && String(decoding: $0.body, as: UTF8.self) == "echo 10 header" })
        #expect(responses.first?.headers["date"] == "Sun, 22 Nov 2026 20:00:00 GMT")
        #expect(responses.first?.serverDate == AWSDate.parse("2026-11-22T20:00:00Z"))
        #expect(server.connections <= 8, "at most maxConnectionsPerHost connections for 40 requests")
        _ = try await transport.send(request)
        #expect(server.connections <= 8, "a later request reuses a kept-alive connection")
    }

    @Test func silentServerTimesOut() async throws {
        let server = try LoopbackServer(respond: { _, _ in nil })
        defer { server.stop() }
        var options = TransportOptions()
        options.requestTimeoutMs = 300
        let transport = CurlTransport(options: options)
        defer { transport.close() }
        await #expect { _ = try await transport.send(HTTPRequest(method: "GET", url: server.url)) } throws: {
            ($0 as? TransportError)?.kind == .timeout
        }
    }

    @Test(arguments: [
        ("a 2 GB Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 2147483648\r\n\r\n"),
        ("an endless chunked body", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"),
        ("an endless body with no length", "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"),
    ])
    func oversizedResponsesFailAtTheCap(what: String, head: String) async throws {
        let chunked = head.contains("chunked")
        let server = try LoopbackServer { write in
            guard write(Data(head.utf8)) else { return }
            let block = Data(repeating: 0x61, count: 65_536)
            let piece = chunked ? Data("10000\r\n".utf8) + block + Data("\r\n".utf8) : block
            for _ in 0..<16_384 where write(piece) {}
        }
        defer { server.stop() }
        var options = TransportOptions()
        options.maxResponseBytes = 1 << 20
        options.requestTimeoutMs = 120_000
        let transport = CurlTransport(options: options)
        defer { transport.close() }
        let started = Date()
        await #expect { _ = try await transport.send(HTTPRequest(method: "GET", url: server.url)) } throws: {
            ($0 as? TransportError)?.kind == .tooLarge && "\($0)" == "the response is larger than 1 MB and was dropped (max_response_mb in config.toml raises the limit)"
        }
        #expect(Date().timeIntervalSince(started) < 60, "\(what) is dropped at the cap, not at the timeout")
    }

    @Test func refusedConnectionIsAConnectionError() async throws {
        let server = try LoopbackServer { _, _ in (200, "") }
        let port = server.port
        server.stop()
        let transport = CurlTransport(options: TransportOptions())
        defer { transport.close() }
        await #expect { _ = try await transport.send(HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:\(port)/")!)) } throws: {
            ($0 as? TransportError)?.kind == .connection && "\($0)".hasPrefix("connection failed") && "\($0)".hasSuffix("(http://127.0.0.1:\(port))")
        }
    }
}
