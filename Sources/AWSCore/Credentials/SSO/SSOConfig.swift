import FoundationEssentials

/// An IAM Identity Center (SSO) sign-in as a profile names it, resolved as botocore does: through an
/// `[sso-session NAME]` section (`sso_session`), or the legacy form with `sso_start_url` and `sso_region` in the
/// profile itself.
public struct SSOConfig: Equatable, Sendable {
    /// The profile that names the sign-in.
    public var profile: String
    /// The `sso-session` section's name; nil for the legacy form.
    public var sessionName: String?
    public var startURL: String
    public var region: String
    public var registrationScopes: [String]

    /// The sign-in behind `profile`, nil when the profile has no SSO settings.
    public static func resolve(profile name: String, in profiles: AWSProfiles) throws -> SSOConfig? {
        guard let settings = profiles.profiles[name] else { return nil }
        if let session = settings["sso_session"] {
            var config = try self.session(session, in: profiles, for: "profile '\(name)'")
            // botocore refuses a profile whose own start URL or region disagrees with its session's.
            for (key, value) in [("sso_start_url", config.startURL), ("sso_region", config.region)] where settings[key].map({ $0 != value }) ?? false {
                throw CredentialError("profile '\(name)' has \(key) = \(settings[key]!) but its sso-session '\(session)' has \(value)")
            }
            config.profile = name
            return config
        }
        guard let startURL = settings["sso_start_url"] else { return nil }
        guard let region = settings["sso_region"] else { throw CredentialError("profile '\(name)' has sso_start_url but no sso_region") }
        return SSOConfig(profile: name, sessionName: nil, startURL: startURL, region: region, registrationScopes: [])
    }

    /// The `[sso-session NAME]` section's sign-in (`who` names what asked for it in errors).
    public static func session(_ session: String, in profiles: AWSProfiles, for who: String? = nil) throws -> SSOConfig {
        guard let section = profiles.ssoSessions[session] else {
            throw CredentialError("\(who.map { "\($0) names sso_session '\(session)', but " } ?? "")~/.aws/config has no [sso-session \(session)] section")
        }
        let missing = ["sso_start_url", "sso_region"].filter { section[$0] == nil }
        guard missing.isEmpty, let startURL = section["sso_start_url"], let region = section["sso_region"] else {
            throw CredentialError("[sso-session \(session)] is missing \(missing.joined(separator: " and "))")
        }
        let scopes = (section["sso_registration_scopes"] ?? "sso:account:access").split(separator: ",").map { $0.trimming(.whitespaces) }.filter { !$0.isEmpty }
        return SSOConfig(profile: "", sessionName: session, startURL: startURL, region: region, registrationScopes: scopes)
    }

    /// What the CLI's token cache is keyed by: the session name, or the start URL for the legacy form.
    public var cacheKey: String { sessionName ?? startURL }

    /// How the sign-in is named to the user: "sso-session NAME" or "profile NAME".
    public var label: String { sessionName.map { "sso-session \($0)" } ?? "profile \(profile)" }

    /// The command that signs in again.
    public var loginCommand: String {
        sessionName.map { "aws sso login --sso-session \($0)" } ?? "aws sso login --profile \(profile)"
    }

    /// The same through opsdeck, for a machine without the AWS CLI.
    public var opsdeckLoginCommand: String {
        sessionName.map { "opsdeck login --sso-session \($0)" } ?? "opsdeck login --profile \(profile)"
    }
}
