import Foundation

/// Finds credentials the way the AWS CLI does, so far: environment variables, then the selected profile's static
/// keys, then its credential_process. Role assumption, web identity and container credentials need STS and HTTP.
public struct CredentialChain: Sendable {
    public var environment: [String: String]
    public var profiles: AWSProfiles

    public init(environment: [String: String], profiles: AWSProfiles) {
        self.environment = environment
        self.profiles = profiles
    }

    /// The credentials for `profile` (default: the one the environment selects), and where they came from.
    public func resolve(profile: String? = nil) throws -> (credentials: Credentials, source: String) {
        if profile == nil, let credentials = EnvironmentCredentials.read(environment) {
            return (credentials, "environment")
        }
        let name = profile ?? AWSProfiles.selected(environment)
        guard let settings = profiles.profiles[name] else {
            throw CredentialError("no credentials: AWS_ACCESS_KEY_ID is not set and profile '\(name)' is not in ~/.aws/config or ~/.aws/credentials")
        }
        if let credentials = profiles.staticCredentials(name) {
            return (credentials, "profile \(name)")
        }
        if let command = settings["credential_process"] {
            return (try CredentialProcess.run(command, environment: environment), "profile \(name) credential_process")
        }
        throw CredentialError("profile '\(name)' has no aws_access_key_id/aws_secret_access_key or credential_process")
    }
}
