import CCurl
import FoundationEssentials

/// The live transport: one libcurl multi handle driven by its own thread, so requests run concurrently and reuse
/// connections. That thread loads libcurl, so making a transport costs nothing before the first frame; requests sent
/// meanwhile wait for it, and if libcurl cannot be loaded every request fails saying why.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    /// Where the worker thread is: loading libcurl, driving a multi handle, or unable to.
    private enum State {
        case loading
        case ready(UnsafeMutableRawPointer)
        case unavailable(String)

        /// Why requests fail, once libcurl could not be loaded.
        var failure: String? {
            guard case .unavailable(let cause) = self else { return nil }
            return cause
        }
    }

    private let options: TransportOptions
    private let lock = Lock()
    private var state = State.loading
    private var queued: [(HTTPRequest, CheckedContinuation<HTTPResponse, Error>)] = []
    private var closed = false

    public init(options: TransportOptions) {
        self.options = options
        DetachedThread.start { self.run() }
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            let current = state
            let refusal = current.failure ?? (closed ? "transport is closed" : nil)
            if refusal == nil { queued.append((request, continuation)) }
            lock.unlock()
            if let refusal {
                continuation.resume(throwing: TransportError(.other, refusal))
            } else if case .ready(let multi) = current {
                opsdeck_curl_multi_wakeup(multi)
            }
        }
    }

    /// Stops the worker thread; requests still in flight fail.
    public func close() {
        lock.lock()
        closed = true
        let current = state
        lock.unlock()
        if case .ready(let multi) = current { opsdeck_curl_multi_wakeup(multi) }
    }

    /// Loads libcurl and makes the multi handle, or says why not; requests queued meanwhile fail with that cause.
    private func load() -> UnsafeMutableRawPointer? {
        let loaded = Self.makeMulti(options)
        lock.lock()
        state = loaded
        var refused: [(HTTPRequest, CheckedContinuation<HTTPResponse, Error>)] = []
        if loaded.failure != nil { swap(&refused, &queued) }
        lock.unlock()
        switch loaded {
        case .ready(let multi):
            return multi
        case .unavailable(let cause):
            for (_, continuation) in refused { continuation.resume(throwing: TransportError(.other, cause)) }
            return nil
        case .loading:
            return nil
        }
    }

    /// libcurl loaded and a multi handle made with `options`, or why not.
    private static func makeMulti(_ options: TransportOptions) -> State {
        if let failure = opsdeck_curl_load() {
            return .unavailable("libcurl cannot be loaded (\(String(cString: failure))); install it: sudo apt-get install libcurl4")
        }
        opsdeck_curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        guard let multi = opsdeck_curl_multi_init() else { return .unavailable("libcurl could not create a multi handle") }
        opsdeck_curl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, options.maxConnectionsPerHost)
        return .ready(multi)
    }

    private func run() {
        guard let multi = load() else { return }
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
