import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

/// AWS's official SigV4 test suite (Resources/sigv4, Apache-2.0, see its NOTICE); the two 2019 form-urlencoded
/// cases are replaced by their self-consistent 2017 versions.
@Suite struct SigV4SuiteTests {
    static let root = Bundle.module.url(forResource: "sigv4", withExtension: nil)!
    static let credentials = Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let date = Date(timeIntervalSince1970: 1_440_938_160)

    /// Every folder holding a `.req`, as "relative/path/name".
    static let cases: [String] = {
        let walker = FileManager.default.enumerator(atPath: root.path)!
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".req") }.map { String($0.dropLast(4)) }.sorted()
    }()

    /// Parses a `.req` file: request line, headers, blank line, body. A folded continuation line is another value of the
    /// header (the classic suite joins them with commas) or, with `unfold`, joined to it with a space as RFC 7230 says (the CRT suite).
    static func request(_ text: String, unfold: Bool = false) -> SignableRequest {
        let (head, body) = text.range(of: "\n\n").map { (String(text[..<$0.lowerBound]), String(text[$0.upperBound...])) } ?? (text, "")
        var lines = head.components(separatedBy: "\n")
        let requestLine = lines.removeFirst()
        let method = String(requestLine.prefix { $0 != " " })
        let target = String(requestLine.dropFirst(method.count + 1).dropLast(" HTTP/1.1".count))
        let (path, query) = target.firstIndex(of: "?").map { (String(target[..<$0]), String(target[target.index(after: $0)...])) } ?? (target, "")
        var headers: [(name: String, value: String)] = []
        for line in lines {
            if line.first == " " || line.first == "\t", let last = headers.last {
                if unfold { headers[headers.count - 1].value += " " + line } else { headers.append((name: last.name, value: line)) }
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((name: String(line[..<colon]), value: String(line[line.index(after: colon)...])))
            }
        }
        return SignableRequest(method: method, path: path, query: query, headers: headers, body: Data(body.utf8))
    }

    static func file(_ name: String, _ ext: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("\(name).\(ext)"), encoding: .utf8)
    }

    @Test func suiteIsComplete() {
        #expect(Self.cases.count == 31)
    }

    @Test(arguments: cases)
    func matchesAWS(name: String) throws {
        let signer = SigV4Signer(region: "us-east-1", service: "service")
        let result = signer.signature(for: Self.request(try Self.file(name, "req")), credentials: Self.credentials, date: Self.date)
        #expect(result.canonicalRequest == (try Self.file(name, "creq")))
        #expect(result.stringToSign == (try Self.file(name, "sts")))
        #expect(result.authorization == (try Self.file(name, "authz")))
    }

    @Test func signAddsDateTokenAndAuthorization() {
        let signer = SigV4Signer(region: "us-east-1", service: "service")
        let request = SignableRequest(method: "GET", path: "/", headers: [(name: "Host", value: "example.amazonaws.com")])
        let token = Credentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s3cr3tK3y", sessionToken: "TOKEN")
        let signed = signer.sign(request, credentials: token, date: Self.date).request
        #expect(signed.headers.map(\.name) == ["Host", "X-Amz-Date", "X-Amz-Security-Token", "Authorization"])
        #expect(signed.headers[3].value.contains("SignedHeaders=host;x-amz-date;x-amz-security-token,"))
        #expect(!"\(token)".contains("s3cr3tK3y") && !"\(token)".contains("TOKEN"))
    }
}
