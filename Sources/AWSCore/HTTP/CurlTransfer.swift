import CCurl
import FoundationEssentials

/// One request in flight on the curl multi handle: its easy handle, what has arrived, and who waits for it.
final class CurlTransfer: @unchecked Sendable {
    let easy: UnsafeMutableRawPointer
    let continuation: CheckedContinuation<HTTPResponse, Error>
    var body = Data()
    var headers: [String: String] = [:]
    /// The body cap; set when the response passed it and the transfer was stopped.
    let maxBody: Int
    var tooLarge = false
    /// Where the request went (scheme, host and port), named in transport errors.
    let endpoint: String
    private var headerList: UnsafeMutablePointer<curl_slist>?

    init?(_ request: HTTPRequest, options: TransportOptions, continuation: CheckedContinuation<HTTPResponse, Error>) {
        guard let easy = opsdeck_curl_easy_init() else { return nil }
        self.easy = easy
        self.continuation = continuation
        endpoint = "\(request.url.scheme ?? "https")://\(request.url.host ?? "?")\(request.url.port.map { ":\($0)" } ?? "")"
        maxBody = options.maxResponseBytes
        opsdeck_curl_setopt_off_t(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(options.maxResponseBytes))
        opsdeck_curl_setopt_string(easy, CURLOPT_URL, request.url.absoluteString)
        opsdeck_curl_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        opsdeck_curl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeoutMs)
        opsdeck_curl_setopt_long(easy, CURLOPT_TIMEOUT_MS, options.requestTimeoutMs)
        opsdeck_curl_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, "")
        if let ca = options.caBundle { opsdeck_curl_setopt_string(easy, CURLOPT_CAINFO, ca) }
        let proxy = request.url.scheme == "https" ? options.httpsProxy : options.httpProxy
        opsdeck_curl_setopt_string(easy, CURLOPT_PROXY, proxy ?? "")
        if let noProxy = options.noProxy { opsdeck_curl_setopt_string(easy, CURLOPT_NOPROXY, noProxy) }
        switch request.method {
        case "GET": opsdeck_curl_setopt_long(easy, CURLOPT_HTTPGET, 1)
        case "POST":
            opsdeck_curl_setopt_long(easy, CURLOPT_POST, 1)
            opsdeck_curl_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
            _ = request.body.withUnsafeBytes { raw in
                opsdeck_curl_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!))
            }
        default: opsdeck_curl_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method)
        }
        for header in request.headers + [("Expect", ""), ("Accept", "*/*")] {
            headerList = opsdeck_curl_slist_append(headerList, "\(header.0): \(header.1)")
        }
        opsdeck_curl_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList)
        let me = Unmanaged.passUnretained(self).toOpaque()
        opsdeck_curl_setopt_pointer(easy, CURLOPT_WRITEDATA, me)
        opsdeck_curl_setopt_data_fn(easy, CURLOPT_WRITEFUNCTION) { pointer, size, count, context in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
            guard transfer.body.count + size * count <= transfer.maxBody else {
                transfer.tooLarge = true
                return 0
            }
            if let pointer { transfer.body.append(UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: size * count) }
            return size * count
        }
        opsdeck_curl_setopt_pointer(easy, CURLOPT_HEADERDATA, me)
        opsdeck_curl_setopt_data_fn(easy, CURLOPT_HEADERFUNCTION) { pointer, size, count, context in
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
            guard let pointer else { return 0 }
            let line = String(decoding: UnsafeRawBufferPointer(start: pointer, count: size * count), as: UTF8.self)
            if line.hasPrefix("HTTP/") {
                transfer.headers = [:]
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].lowercased()
                transfer.headers[name] = line[line.index(after: colon)...].trimming(.whitespacesAndNewlines)
            }
            return size * count
        }
    }

    /// Resumes the waiting caller with the outcome libcurl reported.
    func finish(_ code: CURLcode) {
        if tooLarge || code == CURLE_FILESIZE_EXCEEDED {
            body = Data()
            let limit = maxBody >= 1 << 20 ? "\(maxBody >> 20) MB" : "\(maxBody) bytes"
            continuation.resume(throwing: TransportError(.tooLarge, "the response is larger than \(limit) and was dropped (max_response_mb in config.toml raises the limit)"))
        } else if code == CURLE_OK {
            var status = 0
            opsdeck_curl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
            continuation.resume(returning: HTTPResponse(status: status, headers: headers, body: body))
        } else {
            continuation.resume(throwing: Self.error(code, endpoint: endpoint))
        }
    }

    /// Frees the easy handle and header list.
    func release() {
        opsdeck_curl_easy_cleanup(easy)
        opsdeck_curl_slist_free_all(headerList)
    }

    /// The error for libcurl's `code`, naming `endpoint`.
    static func error(_ code: CURLcode, endpoint: String) -> TransportError {
        let text = String(cString: opsdeck_curl_easy_strerror(code))
        switch code {
        case CURLE_OPERATION_TIMEDOUT: return TransportError(.timeout, "request timed out (\(text)) at \(endpoint)")
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING:
            return TransportError(.connection, "connection failed: \(text) (\(endpoint))")
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE:
            return TransportError(.tls, "TLS failed: \(text) (\(endpoint))")
        default: return TransportError(.other, "transfer failed: \(text) (\(endpoint))")
        }
    }
}
