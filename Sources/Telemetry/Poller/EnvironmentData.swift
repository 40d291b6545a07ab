import AWSCore

/// What one poll of one environment produced: each section's slice of the snapshot, or why it failed.
public struct EnvironmentData: Sendable {
    /// The slice of the snapshot each section that answered filled.
    public var slices: [PollSection.ID: Snapshot] = [:]
    /// The sections that answered without a call: nothing is watched for them here.
    public var unwatched: Set<PollSection.ID> = []
    /// The sections not due this poll, whose slices are their last run's.
    public var reused: Set<PollSection.ID> = []
    /// Why each section that did not answer failed.
    public var failures: [PollSection.ID: SectionFailure] = [:]
    /// Why the caller-identity check failed (wrong account or no answer); then no section ran.
    public var identityFailure: SectionFailure?
    /// Where the credentials came from and when they expire, after the poll.
    public var credentials: CredentialHealth?

    public init() {}

    /// One line per failure, "section: error", identity first and the sections in their declared order.
    public var errors: [String] {
        (identityFailure.map { ["identity: \($0.detail)"] } ?? []) + PollSection.all.compactMap { section in failures[section.id].map { "\(section.id.rawValue): \($0.detail)" } }
    }

    /// Whether everything failed because the sign-in lapsed.
    public var signedOut: Bool {
        let all = (identityFailure.map { [$0] } ?? []) + failures.values
        return slices.isEmpty && !all.isEmpty && all.allSatisfy { $0.cause == .signedOut }
    }

    /// This poll's slices, falling back to `previous` for the sections that failed.
    public func merged(over previous: EnvironmentData?) -> EnvironmentData {
        var out = self
        out.slices = (previous?.slices ?? [:]).merging(slices) { _, fresh in fresh }
        return out
    }
}
