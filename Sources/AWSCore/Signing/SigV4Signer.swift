import FoundationEssentials
import Glibc

/// Signs requests with AWS Signature Version 4 (header form).
public struct SigV4Signer: Sendable {
    public var region: String
    public var service: String
    /// Removes `.`/`..` segments and repeated slashes from the path; S3 must not.
    public var normalizePath: Bool
    /// Sends the payload hash as a signed X-Amz-Content-Sha256 header (S3 wants it).
    public var signsBodyHash: Bool
    /// Adds the session token after signing, unsigned, for services that want it that way.
    public var omitsSessionTokenFromSignature: Bool

    public init(region: String, service: String, normalizePath: Bool = true, signsBodyHash: Bool = false, omitsSessionTokenFromSignature: Bool = false) {
        self.region = region
        self.service = service
        self.normalizePath = normalizePath
        self.signsBodyHash = signsBodyHash
        self.omitsSessionTokenFromSignature = omitsSessionTokenFromSignature
    }

    /// The parts of one signature, exposed so tests can compare each step with AWS's suite.
    public struct Signature: Equatable, Sendable {
        public var canonicalRequest: String
        public var stringToSign: String
        public var authorization: String
    }

    /// Signs `request` as of `date`; the request must already carry Host and X-Amz-Date (see `prepare`).
    public func signature(for request: SignableRequest, credentials: Credentials, date: Date) -> Signature {
        let (amzDate, day) = Self.timestamps(date)
        let headers = canonicalHeaders(request.headers)
        let signedHeaders = headers.map(\.name).joined(separator: ";")
        let canonical = [
            request.method.uppercased(), canonicalURI(request.path), canonicalQuery(request.query),
            headers.map { "\($0.name):\($0.value)\n" }.joined(), signedHeaders, Digest.hex(Digest.sha256(request.body)),
        ].joined(separator: "\n")
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, Digest.hex(Digest.sha256(Data(canonical.utf8)))].joined(separator: "\n")
        var key = Array("AWS4\(credentials.secretAccessKey)".utf8)
        for part in [day, region, service, "aws4_request"] {
            key = Digest.hmacSHA256(key: key, Data(part.utf8))
        }
        let signature = Digest.hex(Digest.hmacSHA256(key: key, Data(stringToSign.utf8)))
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
        return Signature(canonicalRequest: canonical, stringToSign: stringToSign, authorization: authorization)
    }

    /// Adds X-Amz-Date, the body hash and session token where configured, signs, and adds the Authorization header.
    public func sign(_ request: SignableRequest, credentials: Credentials, date: Date) -> (request: SignableRequest, signature: Signature) {
        var signed = request
        let added = ["x-amz-date", "authorization", "x-amz-security-token", "x-amz-content-sha256"]
        signed.headers.removeAll { added.contains($0.name.lowercased()) }
        signed.headers.append((name: "X-Amz-Date", value: Self.timestamps(date).amzDate))
        if signsBodyHash { signed.headers.append((name: "X-Amz-Content-Sha256", value: Digest.hex(Digest.sha256(request.body)))) }
        let token = credentials.sessionToken.map { (name: "X-Amz-Security-Token", value: $0) }
        if let token, !omitsSessionTokenFromSignature { signed.headers.append(token) }
        let signature = signature(for: signed, credentials: credentials, date: date)
        if let token, omitsSessionTokenFromSignature { signed.headers.append(token) }
        signed.headers.append((name: "Authorization", value: signature.authorization))
        return (signed, signature)
    }

    /// "20150830T123600Z" and "20150830" for `date` in UTC.
    static func timestamps(_ date: Date) -> (amzDate: String, day: String) {
        // gmtime_r, not Calendar: TimeZone(identifier:) needs FoundationInternationalization, which the static build lacks.
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var utc = tm()
        gmtime_r(&seconds, &utc)
        let day = String(cFormat: "%04d%02d%02d", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday)
        return (day + String(cFormat: "T%02d%02d%02dZ", utc.tm_hour, utc.tm_min, utc.tm_sec), day)
    }

    /// Lower-cased names, sorted; values trimmed with inner runs of spaces collapsed; repeats joined by commas in order.
    func canonicalHeaders(_ headers: [(name: String, value: String)]) -> [(name: String, value: String)] {
        var merged: [String: [String]] = [:]
        for header in headers {
            let value = header.value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
            merged[header.name.lowercased(), default: []].append(value)
        }
        return merged.keys.sorted().map { (name: $0, value: merged[$0]!.joined(separator: ",")) }
    }

    /// The path percent-encoded once, after normalisation where enabled.
    func canonicalURI(_ path: String) -> String {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if normalizePath {
            var out: [String] = []
            for segment in segments.dropFirst() {
                switch segment {
                case "", ".": continue
                case "..": _ = out.popLast()
                default: out.append(segment)
                }
            }
            let trailing = path.count > 1 && (path.hasSuffix("/") || path.hasSuffix("/.") || path.hasSuffix("/..")) && !out.isEmpty
            segments = [""] + out + (trailing ? [""] : [])
            if out.isEmpty { return "/" }
        }
        let encoded = segments.map { PercentEncoding.encode($0) }.joined(separator: "/")
        return encoded.isEmpty ? "/" : encoded
    }

    /// Parameters decoded then re-encoded, sorted by name, then value.
    func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        let pairs = query.split(separator: "&").map { item -> (String, String) in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let decode = { (s: String) in PercentEncoding.decode(s.replacing("+", with: " ")) ?? s }
            return (PercentEncoding.encode(decode(parts[0])), PercentEncoding.encode(decode(parts.count > 1 ? parts[1] : "")))
        }
        return pairs.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }
}
