import CCurl
import Foundation

/// The live transport: one libcurl multi handle driven by its own thread, so requests run concurrently and reuse connections.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    private let options: TransportOptions
    private let multi: UnsafeMutableRawPointer
    private let lock = NSLock()
    private var queued: [(HTTPRequest, CheckedContinuation<HTTPResponse, Error>)] = []
    private var closed = false

    public init(options: TransportOptions) {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        self.options = options
        multi = curl_multi_init()!
        opsdeck_curl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, options.maxConnectionsPerHost)
        let thread = Thread { self.run() }
        thread.name = "opsdeck-curl"
        thread.start()
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            let isClosed = closed
            if !isClosed { queued.append((request, continuation)) }
            lock.unlock()
            if isClosed {
                continuation.resume(throwing: TransportError(.other, "transport is closed"))
            } else {
                curl_multi_wakeup(multi)
            }
        }
    }

    /// Stops the worker thread; requests still in flight fail.
    public func close() {
        lock.lock()
        closed = true
        lock.unlock()
        curl_multi_wakeup(multi)
    }

    private func run() {
        var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
        while true {
            lock.lock()
            let incoming = queued
            queued.removeAll()
            let stop = closed
            lock.unlock()
            for (request, continuation) in incoming {
                guard let transfer = CurlTransfer(request, options: options, continuation: continuation) else {
                    continuation.resume(throwing: TransportError(.other, "libcurl could not create a handle"))
                    continue
                }
                active[transfer.easy] = transfer
                curl_multi_add_handle(multi, transfer.easy)
            }
            if stop {
                for transfer in active.values {
                    curl_multi_remove_handle(multi, transfer.easy)
                    transfer.continuation.resume(throwing: TransportError(.other, "transport closed"))
                    transfer.release()
                }
                curl_multi_cleanup(multi)
                return
            }
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            var remaining: Int32 = 0
            while let message = curl_multi_info_read(multi, &remaining) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle, let transfer = active.removeValue(forKey: easy) else { continue }
                let code = opsdeck_curl_msg_result(message)
                curl_multi_remove_handle(multi, easy)
                transfer.finish(code)
                transfer.release()
            }
            var ready: Int32 = 0
            curl_multi_poll(multi, nil, 0, 1_000, &ready)
        }
    }
}
