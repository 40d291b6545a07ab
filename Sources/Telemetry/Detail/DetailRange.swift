/// The time ranges a detail view charts, chosen with the keys 1 to 5. Each has a fixed CloudWatch period that keeps a
/// series within 60 points, so a braille chart 30 columns wide shows every point, and a recording's detail calls
/// match whatever the terminal's width.
public enum DetailRange: Int, CaseIterable, Codable, Sendable {
    case hour = 3600, threeHours = 10_800, twelveHours = 43_200, day = 86_400, week = 604_800

    /// "1h", "3h", "12h", "1d", "7d".
    public var label: String {
        switch self {
        case .hour: "1h"
        case .threeHours: "3h"
        case .twelveHours: "12h"
        case .day: "1d"
        case .week: "7d"
        }
    }

    /// Seconds covered.
    public var seconds: Int { rawValue }

    /// The period of each point, seconds (CloudWatch keeps one-minute data 15 days, five-minute data 63 days).
    public var period: Int {
        switch self {
        case .hour: 60
        case .threeHours: 300
        case .twelveHours: 900
        case .day: 1800
        case .week: 10_800
        }
    }

    /// The period written for a unit: "1m", "5m", "15m", "30m", "3h".
    public var periodLabel: String { period < 3600 ? "\(period / 60)m" : "\(period / 3600)h" }

    /// The range chosen by key `n` (1 to 5).
    public init?(key n: Int) {
        guard (1...Self.allCases.count).contains(n) else { return nil }
        self = Self.allCases[n - 1]
    }

    /// The start of a range ending at `end`, aligned to whole periods so the points of successive reads line up.
    public func start(end: Double) -> Double {
        let aligned = (end / Double(period)).rounded(.down) * Double(period)
        return aligned - Double(seconds)
    }
}
