import Foundation
@testable import AWSCore

/// A loopback stand-in for IAM Identity Center's portal and OIDC endpoints (and STS AssumeRole), speaking their
/// documented wire formats: GetRoleCredentials' `roleCredentials` with `expiration` in epoch milliseconds, CreateToken's
/// `accessToken`, `expiresIn` and `refreshToken`, the device flow's RegisterClient and StartDeviceAuthorization, and
/// errors as the services send them (an `x-amzn-ErrorType` header and a JSON body).
final class SSOStandIn: @unchecked Sendable {
    private let lock = NSLock()
    private var valid: Set<String>
    private var refreshTokens: Set<String> = ["refresh-1"]
    private var issued = 0
    private var pendingPolls: Int
    private(set) var server: LoopbackServer!
    /// Every request as "METHOD path" with its body, in order.
    private(set) var seen: [(line: String, head: String, body: String)] = []

    /// Role credentials the portal hands out.
    static let roleKey = "ASIASSOROLE0000000001"

    init(validTokens: Set<String>, pendingPolls: Int = 1) throws {
        valid = validTokens
        self.pendingPolls = pendingPolls
        server = try LoopbackServer(answer: { [unowned self] head, body in self.answer(head, String(decoding: body, as: UTF8.self)) })
    }

    /// The environment that points the SDK-style endpoint variables at this stand-in.
    var endpoints: [String: String] {
        ["AWS_ENDPOINT_URL_SSO": server.url.absoluteString, "AWS_ENDPOINT_URL_SSO_OIDC": server.url.absoluteString, "AWS_ENDPOINT_URL_STS": server.url.absoluteString]
    }

    /// Accepts `token` from now on (as after a new sign-in).
    func accept(_ token: String) { lock.withLock { _ = valid.insert(token) } }

    /// The requests seen whose line starts with `prefix`.
    func requests(_ prefix: String) -> [(line: String, head: String, body: String)] { lock.withLock { seen.filter { $0.line.hasPrefix(prefix) } } }

    private func error(_ status: Int, _ type: String, _ body: String) -> LoopbackServer.Answer {
        LoopbackServer.Answer(status: status, headers: ["x-amzn-ErrorType: \(type)", "Content-Type: application/json"], body: body)
    }

    private func answer(_ head: String, _ body: String) -> LoopbackServer.Answer? {
        let line = String(head.prefix { $0 != "\r" })
        let parts = line.split(separator: " ")
        let path = parts.count > 1 ? String(parts[1]) : ""
        let header = { (name: String) in
            head.split(separator: "\r\n").first { $0.lowercased().hasPrefix(name + ":") }.map { $0.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces) }
        }
        return lock.withLock {
            seen.append(("\(parts.first ?? "") \(path)", head, body))
            let json = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
            switch (parts.first ?? "", path.split(separator: "?").first.map(String.init) ?? "") {
            case ("GET", "/federation/credentials"):
                guard let token = header("x-amz-sso_bearer_token"), valid.contains(token) else {
                    return error(401, "UnauthorizedException", #"{"message":"Session token not found or invalid"}"#)
                }
                let expiration = Int((Date().timeIntervalSince1970 + 3600) * 1000)
                return .init(status: 200, body: #"{"roleCredentials":{"accessKeyId":"\#(Self.roleKey)","secretAccessKey":"ssoRoleSecret","sessionToken":"ssoRoleSession","expiration":\#(expiration)}}"#)
            case ("POST", "/token") where json["grantType"] as? String == "refresh_token":
                guard let refresh = json["refreshToken"] as? String, refreshTokens.contains(refresh), json["clientSecret"] as? String == "csecret" else {
                    return error(400, "InvalidGrantException", #"{"error":"invalid_grant","error_description":"Invalid refresh token provided"}"#)
                }
                issued += 1
                valid.insert("refreshed-\(issued)")
                refreshTokens.insert("refresh-\(issued + 1)")
                return .init(status: 200, body: #"{"accessToken":"refreshed-\#(issued)","tokenType":"Bearer","expiresIn":28800,"refreshToken":"refresh-\#(issued + 1)"}"#)
            case ("POST", "/token"):
                guard json["deviceCode"] as? String == "device-1" else { return error(400, "InvalidGrantException", #"{"error":"invalid_grant"}"#) }
                if pendingPolls > 0 {
                    pendingPolls -= 1
                    return error(400, "AuthorizationPendingException", #"{"error":"authorization_pending","error_description":"Authorization is still pending"}"#)
                }
                valid.insert("device-token")
                return .init(status: 200, body: #"{"accessToken":"device-token","tokenType":"Bearer","expiresIn":28800,"refreshToken":"refresh-1"}"#)
            case ("POST", "/client/register"):
                let expires = Int(Date().timeIntervalSince1970) + 90 * 86_400
                return .init(status: 200, body: #"{"clientId":"cid","clientSecret":"csecret","clientIdIssuedAt":\#(Int(Date().timeIntervalSince1970)),"clientSecretExpiresAt":\#(expires)}"#)
            case ("POST", "/device_authorization"):
                return .init(status: 200, body: #"{"deviceCode":"device-1","userCode":"ABCD-EFGH","verificationUri":"https://device.sso.eu-west-1.amazonaws.com/","verificationUriComplete":"https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH","expiresIn":600,"interval":1}"#)
            case ("POST", "/") where body.contains("Action=AssumeRole"):
                let expiration = AWSDate.format(Date().addingTimeInterval(3600))
                return .init(status: 200, body: """
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials><AccessKeyId>ASIAASSUMED000000001</AccessKeyId>\
                <SecretAccessKey>assumedSecret</SecretAccessKey><SessionToken>assumedSession</SessionToken><Expiration>\(expiration)</Expiration></Credentials>\
                <AssumedRoleUser><AssumedRoleId>AROA:opsdeck</AssumedRoleId><Arn>arn:aws:sts::398126457039:assumed-role/OpsdeckReadOnly/opsdeck</Arn></AssumedRoleUser>\
                </AssumeRoleResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></AssumeRoleResponse>
                """)
            default:
                return error(404, "ResourceNotFoundException", #"{"message":"no such route \#(path)"}"#)
            }
        }
    }
}
