import AWSCore
import FoundationEssentials

/// One group of calls an environment's poll makes, declared once: its name, its calls, and the slice of the snapshot
/// it fills. Sections run concurrently and fail on their own; a failed one keeps its last good slice. The poller, and
/// so the recorder and replay, iterate over `all`: adding a section is a file here and a case in `ID`, whose switch
/// the compiler then asks to name it.
public struct PollSection: Sendable {
    /// The sections by name, as errors and the status bar name them.
    public enum ID: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable {
        case discovery, stacks, metrics, alarms, compliance, network, settings
    }

    public let id: ID
    /// Seconds between runs for a section slower than the poll (settings); nil runs at every poll.
    public let interval: Double?
    /// Whether it runs after the others, reading what they fetched this poll (`EnvironmentPoller.earlier`).
    public let after: Bool
    /// Runs the section's calls for one environment at `now`; the result holds only this section's slice.
    let fetch: @Sendable (EnvironmentPoller, Date) async throws -> Snapshot

    init(id: ID, interval: Double? = nil, after: Bool = false, fetch: @escaping @Sendable (EnvironmentPoller, Date) async throws -> Snapshot) {
        self.id = id
        self.interval = interval
        self.after = after
        self.fetch = fetch
    }

    /// Every section, in the order their slices are assembled.
    public static let all: [PollSection] = ID.allCases.map(\.section)
}

extension PollSection.ID {
    /// Hashes the case, not its name: panels look sections up every frame, and a raw-value enum otherwise hashes
    /// its string.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .discovery: hasher.combine(5)
        case .stacks: hasher.combine(0)
        case .metrics: hasher.combine(1)
        case .alarms: hasher.combine(2)
        case .compliance: hasher.combine(3)
        case .network: hasher.combine(4)
        case .settings: hasher.combine(6)
        }
    }

    /// Whether the section only adds to what the others are asked for (discovery), filling no rows itself: its failure
    /// hides no rows, and between its runs it answers from memory, so it counts toward an account's health only when
    /// it fails.
    public var supplements: Bool { self == .discovery }

    /// The section with this name.
    var section: PollSection {
        switch self {
        case .discovery: .discovery
        case .stacks: .stacks
        case .metrics: .metrics
        case .alarms: .alarms
        case .compliance: .compliance
        case .network: .network
        case .settings: .settings
        }
    }
}
