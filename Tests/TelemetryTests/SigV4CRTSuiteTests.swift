import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

/// The AWS CRT signing suite (Resources/sigv4-crt, Apache-2.0): the signer adds X-Amz-Date, tokens and body hashes itself.
@Suite struct SigV4CRTSuiteTests {
    static let root = Bundle.module.url(forResource: "sigv4-crt", withExtension: nil)!.appendingPathComponent("v4")

    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()

    /// What context.json says about one case.
    struct Context: Decodable {
        struct Keys: Decodable {
            var access_key_id: String
            var secret_access_key: String
            var token: String?
        }
        var credentials: Keys
        var normalize: Bool
        var region: String
        var service: String
        var sign_body: Bool
        var omit_session_token: Bool?
        var timestamp: Date
    }

    func text(_ name: String, _ file: String) throws -> String {
        try String(contentsOf: Self.root.appendingPathComponent(name).appendingPathComponent(file), encoding: .utf8)
    }

    @Test func suiteIsComplete() {
        #expect(Self.cases.count == 38)
    }

    @Test(arguments: cases)
    func matchesAWS(name: String) throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let context = try decoder.decode(Context.self, from: Data(try text(name, "context.json").utf8))
        let signer = SigV4Signer(region: context.region, service: context.service, normalizePath: context.normalize,
                                 signsBodyHash: context.sign_body, omitsSessionTokenFromSignature: context.omit_session_token ?? false)
        let credentials = Credentials(accessKeyId: context.credentials.access_key_id, secretAccessKey: context.credentials.secret_access_key,
                                      sessionToken: context.credentials.token)
        let result = signer.sign(SigV4SuiteTests.request(try text(name, "request.txt"), unfold: true), credentials: credentials, date: context.timestamp).signature
        #expect(result.canonicalRequest == (try text(name, "header-canonical-request.txt")))
        #expect(result.stringToSign == (try text(name, "header-string-to-sign.txt")))
        #expect(result.authorization.hasSuffix("Signature=\(try text(name, "header-signature.txt"))"))
    }
}
