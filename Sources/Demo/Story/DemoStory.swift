import FoundationEssentials
import AWSCore
import Telemetry
import Recording

/// The demo platform's story, from which the demo recording is made: a staging incident on the three-account platform, told over 30 minutes.
///
/// At 14:01 the staging CSV-ingest Lambda starts failing on a malformed partner file; its retries throttle the
/// staging `orders` table, whose replication latency spikes, and the S3 ingest bucket's replication to prod backs up.
/// Meanwhile a scanner hammers SSH on the staging bastion and flow logs fill with REJECTs. Prod carries a drifted
/// bucket policy that Config flags as NON_COMPLIANT with s3-bucket-ssl-requests-only. A fix ships at 14:19 and the
/// platform drains back to normal by 14:30.
public struct DemoStory: Sendable {
    public let start: Date
    public let step: Int
    public let duration: Int
    public let historyLength: Int
    let noise = DemoNoise(seed: 0x0D5D_ECC0_2026)

    public init(start: Date = Date(timeIntervalSince1970: 1_795_183_200), step: Int = 30, duration: Int = 1800, historyLength: Int = 30) {
        self.start = start
        self.step = step
        self.duration = duration
        self.historyLength = historyLength
    }

    /// The minutes the demo's Lambda numbers cover.
    public static let windowMinutes = 5

    /// The minutes of metric history a poll reads.
    public var historyMinutes: Int { historyLength * step / 60 }

    /// How hard the incident bites at `t`: 0 before it starts, 1 at its worst, back to 0 after the fix drains.
    func intensity(_ t: Int) -> Double {
        switch t {
        case ..<60: return 0
        case ..<420: return Double(t - 60) / 360
        case ..<1140: return 1
        case ..<1500: return 1 - 0.9 * Double(t - 1140) / 360
        case ..<1800: return 0.1 * Double(1800 - t) / 300
        default: return 0
        }
    }

    /// The SSH scan's strength at `t`.
    func scan(_ t: Int) -> Double { (240..<1320).contains(t) ? 1 : 0 }

    /// The date `t` seconds into the story.
    func date(_ t: Int) -> Date { start.addingTimeInterval(Double(t)) }

    /// A metric's last `historyLength` values ending at `t`.
    func history(_ t: Int, _ value: (Int) -> Double) -> [Double] {
        (0..<historyLength).map { round1(value(t - (historyLength - 1 - $0) * step)) }
    }

    /// The snapshot the platform shows at `t`.
    public func snapshot(at t: Int) -> Snapshot {
        Snapshot(
            capturedAt: date(t),
            accounts: DemoPlatform.all.map {
                AccountStatus(environment: $0.environment, accountId: $0.accountId, region: $0.region, health: .ok, lastSuccess: date(t))
            },
            stacks: stacks(t), replication: replication(t), lambdas: lambdas(t), tables: tables(t),
            flows: flows(t), findings: findings(t), alarms: alarms(t)
        )
    }
}
