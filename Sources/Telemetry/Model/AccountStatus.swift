import FoundationEssentials
import AWSCore

/// One watched environment (dev, staging, prod) and how its last poll went.
public struct AccountStatus: Codable, Equatable, Sendable {
    public var environment: String
    public var accountId: String
    public var region: String
    public var health: Health
    public var lastSuccess: Date?
    public var error: String?
    /// How each poll section stands in this account; panels show the state of the sections they read.
    public var sections: [PollSection.ID: SectionState]
    /// While sections are loading: the calls made and answered so far.
    public var progress: CallProgress?
    /// Where the account's credentials come from and when they expire (live sessions only).
    public var credentials: CredentialHealth?

    public init(environment: String, accountId: String, region: String, health: Health = .ok, lastSuccess: Date? = nil, error: String? = nil,
                sections: [PollSection.ID: SectionState] = [:]) {
        self.environment = environment
        self.accountId = accountId
        self.region = region
        self.health = health
        self.lastSuccess = lastSuccess
        self.error = error
        self.sections = sections
    }

    /// Whether a failing section failed because the sign-in lapsed (`aws sso login` or `opsdeck login` mends it).
    public var isSignedOut: Bool { failedSections.contains { sections[$0]?.failure?.cause == .signedOut } }

    /// One line on how the account stands: "dev ok", or what fails and why ("dev 1 of 6 sections failing:
    /// compliance (ServerError (HTTP 500) on config:DescribeComplianceByConfigRule)").
    public var healthSummary: String {
        let failed = failedSections
        guard !failed.isEmpty else { return "\(environment) \(health.rawValue)" }
        let watched = sections.values.filter { $0.phase != .notConfigured }.count
        let reasons = failed.map { id in "\(id.rawValue) (\(sections[id]?.failure?.summary ?? "failed"))" }.joined(separator: ", ")
        return failed.count == watched ? "\(environment) failing: \(reasons)" : "\(environment) \(failed.count) of \(watched) sections failing: \(reasons)"
    }

    /// The sections whose latest calls failed, in declared order.
    public var failedSections: [PollSection.ID] {
        PollSection.ID.allCases.filter { sections[$0]?.phase == .failed }
    }

    /// Whether the data shown for this account is current: ok, partial (some sections failing), stale (not
    /// refreshed lately, or still loading) or error (nothing answered: credentials, identity, or every section).
    public enum Health: String, Codable, Sendable {
        case ok, partial, stale, error

        /// The health that `sections` add up to; a supplementary section (discovery) counts only when it fails.
        public init(_ sections: [PollSection.ID: SectionState]) {
            let phases = sections.filter { !$0.key.supplements || $0.value.phase == .failed }.values.map(\.phase).filter { $0 != .notConfigured }
            let failed = phases.filter { $0 == .failed }.count
            if failed > 0 {
                self = failed == phases.count ? .error : .partial
            } else {
                self = phases.contains(.stale) || phases.contains(.loading) || phases.isEmpty ? .stale : .ok
            }
        }
    }
}
