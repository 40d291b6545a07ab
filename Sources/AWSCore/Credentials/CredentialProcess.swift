import FoundationEssentials

/// Why credentials could not be had.
public struct CredentialError: Error, Equatable, CustomStringConvertible {
    public var description: String
    /// Whether the failure is a sign-in that lapsed (an IAM Identity Center session expired or never started), which
    /// the user mends by signing in again rather than by changing configuration.
    public var signedOut: Bool

    public init(_ description: String, signedOut: Bool = false) {
        self.description = description
        self.signedOut = signedOut
    }
}

/// Runs a profile's `credential_process` command and reads the JSON it prints (Version 1), as the AWS CLI does.
public enum CredentialProcess {
    /// The JSON a credential process prints.
    struct Output: Decodable {
        var Version: Int
        var AccessKeyId: String
        var SecretAccessKey: String
        var SessionToken: String?
        var Expiration: Date?
    }

    /// Runs `command` through /bin/sh and returns the credentials it prints, waiting at most `timeout` seconds; errors
    /// never include its output.
    public static func run(_ command: String, environment: [String: String], timeout: Double) async throws -> Credentials {
        let outcome = try await HelperProcess.run(command, environment: environment, timeout: timeout)
        if outcome.timedOut {
            throw CredentialError("credential_process did not answer within \(JSONValue.number(timeout).text) s and was stopped (credential_process_timeout in config.toml sets the limit)")
        }
        if outcome.overflowed { throw CredentialError("credential_process printed more than 1 MB and was stopped") }
        guard let status = outcome.status else { throw CredentialError("credential_process was killed by a signal") }
        guard status == 0 else { throw CredentialError("credential_process exited with status \(status)") }
        return try parse(outcome.output)
    }

    /// Reads a credential process's JSON output.
    static func parse(_ data: Data) throws -> Credentials {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = AWSDate.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "Expiration is not an ISO 8601 time"))
            }
            return date
        }
        let output: Output
        do {
            output = try decoder.decode(Output.self, from: data)
        } catch {
            throw CredentialError("credential_process printed something other than credentials JSON (Version, AccessKeyId, SecretAccessKey)")
        }
        guard output.Version == 1 else { throw CredentialError("credential_process output Version \(output.Version) is not supported (only 1)") }
        return Credentials(accessKeyId: output.AccessKeyId, secretAccessKey: output.SecretAccessKey, sessionToken: output.SessionToken, expiration: output.Expiration)
    }
}
