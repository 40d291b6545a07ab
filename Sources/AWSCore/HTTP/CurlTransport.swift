import CCurl
import FoundationEssentials

/// The live transport: one libcurl multi handle driven by its own thread, so requests run concurrently and reuse
/// connections. libcurl is loaded when the first transport is made; if it cannot be, every request fails saying why.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    private let options: TransportOptions
    private let multi: UnsafeMutableRawPointer?
    private let unavailable: String?
    private let lock = Lock()
    private var queued: [(HTTPRequest, CheckedContinuation<HTTPResponse, Error>)] = []
    private var closed = false

    public init(options: TransportOptions) {
        self.options = options
        if let failure = opsdeck_curl_load() {
            unavailable = "libcurl cannot be loaded (\(String(cString: failure))); install it: sudo apt-get install libcurl4"
            multi = nil
            return
        }
        opsdeck_curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        let multi = opsdeck_curl_multi_init()
        self.multi = multi
        unavailable = multi == nil ? "libcurl could not create a multi handle" : nil
        guard let multi else { return }
        opsdeck_curl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, options.maxConnectionsPerHost)
        DetachedThread.start { self.run() }
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let multi else { throw TransportError(.other, unavailable ?? "libcurl is not loaded") }
        return try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            let isClosed = closed
            if !isClosed { queued.append((request, continuation)) }
            lock.unlock()
            if isClosed {
                continuation.resume(throwing: TransportError(.other, "transport is closed"))
            } else {
                opsdeck_curl_multi_wakeup(multi)
            }
        }
    }

    /// Stops the worker thread; requests still in flight fail.
    public func close() {
        lock.lock()
        closed = true
        lock.unlock()
        if let multi { opsdeck_curl_multi_wakeup(multi) }
    }

    private func run() {
        guard let multi else { return }
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
                opsdeck_curl_multi_add_handle(multi, transfer.easy)
            }
            if stop {
                for transfer in active.values {
                    opsdeck_curl_multi_remove_handle(multi, transfer.easy)
                    transfer.continuation.resume(throwing: TransportError(.other, "transport closed"))
                    transfer.release()
                }
                opsdeck_curl_multi_cleanup(multi)
                return
            }
            var running: Int32 = 0
            opsdeck_curl_multi_perform(multi, &running)
            var remaining: Int32 = 0
            while let message = opsdeck_curl_multi_info_read(multi, &remaining) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle, let transfer = active.removeValue(forKey: easy) else { continue }
                let code = opsdeck_curl_msg_result(message)
                opsdeck_curl_multi_remove_handle(multi, easy)
                transfer.finish(code)
                transfer.release()
            }
            var ready: Int32 = 0
            opsdeck_curl_multi_poll(multi, nil, 0, 1_000, &ready)
        }
    }
}
