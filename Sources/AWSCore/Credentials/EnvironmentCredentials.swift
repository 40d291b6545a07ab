/// Credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, as the AWS CLI reads them.
public enum EnvironmentCredentials {
    /// The credentials the environment holds, if it holds a complete pair.
    public static func read(_ environment: [String: String]) -> Credentials? {
        guard let key = environment["AWS_ACCESS_KEY_ID"], !key.isEmpty,
              let secret = environment["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty else { return nil }
        let token = environment["AWS_SESSION_TOKEN"] ?? environment["AWS_SECURITY_TOKEN"]
        return Credentials(accessKeyId: key, secretAccessKey: secret, sessionToken: token?.isEmpty == false ? token : nil)
    }
}
