/// How the libcurl transport connects: timeouts, CA bundle and proxies, read from the environment as the AWS CLI does.
public struct TransportOptions: Sendable, Equatable {
    public var connectTimeoutMs = 5_000
    public var requestTimeoutMs = 20_000
    public var caBundle: String?
    public var httpsProxy: String?
    public var httpProxy: String?
    public var noProxy: String?
    public var maxConnectionsPerHost = 8
    /// The largest response body accepted (after decompression); a larger one fails the call instead of filling memory.
    public var maxResponseBytes = 64 << 20

    public init() {}

    /// AWS_CA_BUNDLE, HTTPS_PROXY / https_proxy, HTTP_PROXY / http_proxy and NO_PROXY / no_proxy.
    public init(environment: [String: String]) {
        func value(_ names: String...) -> String? { names.lazy.compactMap { environment[$0] }.first { !$0.isEmpty } }
        caBundle = value("AWS_CA_BUNDLE")
        httpsProxy = value("HTTPS_PROXY", "https_proxy")
        httpProxy = value("HTTP_PROXY", "http_proxy")
        noProxy = value("NO_PROXY", "no_proxy")
    }
}
