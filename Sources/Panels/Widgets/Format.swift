import Foundation

/// Compact number, duration and size formats for narrow table columns.
public enum Format {
    /// "850ms", "12.4s", "15m", "2h", "3d".
    public static func duration(_ seconds: Double) -> String {
        switch abs(seconds) {
        case ..<1: return "\(Int((seconds * 1000).rounded()))ms"
        case ..<10: return String(format: "%.1fs", seconds)
        case ..<60: return "\(Int(seconds))s"
        case ..<3600: return "\(Int(seconds / 60))m"
        case ..<86_400: return "\(Int(seconds / 3600))h"
        default: return "\(Int(seconds / 86_400))d"
        }
    }

    /// Milliseconds as a duration.
    public static func millis(_ ms: Double) -> String { duration(ms / 1000) }

    /// "950", "1.2k", "48k", "2.1M".
    public static func count(_ value: Double) -> String {
        switch abs(value) {
        case ..<1000: return String(Int(value.rounded()))
        case ..<10_000: return String(format: "%.1fk", value / 1000)
        case ..<1_000_000: return "\(Int(value / 1000))k"
        case ..<10_000_000: return String(format: "%.1fM", value / 1_000_000)
        default: return "\(Int(value / 1_000_000))M"
        }
    }

    /// "512B", "3.1KB", "2.1GB".
    public static func bytes(_ value: Double) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var v = value
        var unit = 0
        while v >= 1000 && unit < units.count - 1 {
            v /= 1000
            unit += 1
        }
        return unit == 0 ? "\(Int(v))B" : String(format: v < 10 ? "%.1f%@" : "%.0f%@", v, units[unit])
    }

    /// "4.2%".
    public static func percent(_ fraction: Double) -> String { String(format: "%.1f%%", fraction * 100) }

    /// How long ago `date` was, seen from `now`: "12m".
    public static func age(_ date: Date, now: Date) -> String {
        let seconds = max(0, now.timeIntervalSince(date).rounded(.down))
        return seconds < 60 ? "\(Int(seconds))s" : duration(seconds)
    }

    /// "14:05:30" in UTC.
    public static func clock(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = ((seconds % 86_400) + 86_400) % 86_400
        return String(format: "%02d:%02d:%02d", day / 3600, day / 60 % 60, day % 60)
    }

    /// "5:30" for a position within a recording.
    public static func position(_ seconds: Double) -> String {
        let s = Int(seconds)
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
