import ArgumentParser
import FoundationEssentials
import AWSCore
import Telemetry

/// Signs in to IAM Identity Center with the device flow and writes the AWS CLI's token cache, for jump hosts
/// without the AWS CLI.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Sign in to IAM Identity Center (SSO), as `aws sso login` does, and cache the token where the AWS CLI keeps it.",
        discussion: "Shows a URL and a code to confirm in any browser (the device authorization flow), so it works over SSH. With neither option it signs in for the profile AWS_PROFILE selects."
    )

    @Option(name: .long, help: "A profile whose sign-in to renew (an sso_session profile or a legacy sso_start_url profile).")
    var profile: String?

    @Option(name: .customLong("sso-session"), help: "An [sso-session NAME] section of ~/.aws/config to sign in to.")
    var ssoSession: String?

    func validate() throws {
        if profile != nil && ssoSession != nil { throw ValidationError("give --profile or --sso-session, not both") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        do {
            let profiles = try AWSProfiles.load(environment: environment)
            let config: SSOConfig
            if let ssoSession {
                config = try SSOConfig.session(ssoSession, in: profiles)
            } else {
                let name = profile ?? AWSProfiles.selected(environment)
                guard let found = try SSOConfig.resolve(profile: name, in: profiles) else {
                    throw CredentialError("profile '\(name)' has no sso_session or sso_start_url: nothing to sign in to (see `aws configure sso`)")
                }
                config = found
            }
            let token = try await SSOLogin.run(config, environment: environment) { device in
                let page = device.verificationUriComplete ?? device.verificationUri
                StandardError.write("""
                Signing in to \(config.label) (\(config.startURL)).
                Open this page in any browser and confirm the code \(device.userCode):
                  \(page)
                Waiting for the confirmation…

                """)
            }
            print("Signed in to \(config.label); the token is valid until \(token.expiresAt).")
        } catch let error as CredentialError {
            StandardError.write("opsdeck login: \(error)\n")
            throw ExitCode(1)
        } catch let error as INIError {
            StandardError.write("opsdeck login: \(error)\n")
            throw ExitCode(2)
        } catch {
            StandardError.write("opsdeck login: \(error)\n")
            throw ExitCode(1)
        }
    }
}
