import FoundationEssentials

/// ECS/EKS container credentials: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (on 169.254.170.2) or _FULL_URI with an
/// optional AWS_CONTAINER_AUTHORIZATION_TOKEN(_FILE).
public enum ContainerCredentials {
    /// A caching provider when the environment names a container endpoint, else nil.
    public static func provider(environment: [String: String], transport: any HTTPTransport) -> (any CredentialProvider)? {
        let url: URL?
        if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"], !relative.isEmpty {
            url = URL(string: "http://169.254.170.2" + relative)
        } else if let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"], !full.isEmpty {
            url = URL(string: full)
        } else {
            return nil
        }
        let tokenFile = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"]
        let tokenValue = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"]
        return CachingCredentialProvider(origin: "container") {
            guard let url else { throw CredentialError("the container credentials URI is not a valid URL") }
            var headers: [(name: String, value: String)] = []
            if let tokenFile {
                guard let token = try? String(contentsOfFile: tokenFile, encoding: .utf8) else { throw CredentialError("container authorization token file \(tokenFile) cannot be read") }
                headers.append(("Authorization", token.trimming(.whitespacesAndNewlines)))
            } else if let tokenValue {
                headers.append(("Authorization", tokenValue))
            }
            let response: HTTPResponse
            do {
                response = try await transport.send(HTTPRequest(method: "GET", url: url, headers: headers, operation: "container credentials"))
            } catch {
                throw CredentialError("container credentials endpoint \(url.host ?? "?") did not answer: \(error)")
            }
            guard response.status == 200 else { throw CredentialError("container credentials endpoint answered HTTP \(response.status)") }
            return try parse(response.body)
        }
    }

    /// Reads the endpoint's JSON: AccessKeyId, SecretAccessKey, Token, Expiration.
    static func parse(_ body: Data) throws -> Credentials {
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: body),
              let id = json["AccessKeyId"]?.string, let secret = json["SecretAccessKey"]?.string else {
            throw CredentialError("container credentials endpoint returned something other than credentials JSON")
        }
        return Credentials(accessKeyId: id, secretAccessKey: secret, sessionToken: json["Token"]?.string, expiration: json["Expiration"]?.string.flatMap(AWSDate.parse))
    }
}
