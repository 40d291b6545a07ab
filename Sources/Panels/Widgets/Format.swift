import FoundationEssentials
import AWSCore
import Telemetry

/// Compact number, duration and size formats for narrow table columns.
public enum Format {
    /// "850ms", "12.4s", "15m", "2h", "3d"; past a billion days (only bad data gets there) the seconds as Swift writes them.
    public static func duration(_ seconds: Double) -> String {
        switch abs(seconds) {
        case 8.64e13...: return "\(seconds)s"
        case ..<1: return "\(Int(saturating: (seconds * 1000).rounded()))ms"
        case ..<10: return "\(oneDecimal(seconds))s"
        case ..<60: return "\(Int(saturating: seconds))s"
        case ..<3600: return "\(Int(saturating: seconds / 60))m"
        case ..<86_400: return "\(Int(saturating: seconds / 3600))h"
        default: return "\(Int(saturating: seconds / 86_400))d"
        }
    }

    /// Milliseconds as a duration.
    public static func millis(_ ms: Double) -> String { duration(ms / 1000) }

    /// "950", "1.2k", "48k", "2.1M"; past a trillion (only bad data gets there) the number as Swift writes it ("1e+300").
    /// A count, or "-" when there is no datapoint.
    public static func count(_ value: Double?) -> String { value.map { count($0) } ?? "-" }

    public static func count(_ value: Double) -> String {
        switch abs(value) {
        case ..<1000: return String(Int(saturating: value.rounded()))
        case ..<10_000: return "\(oneDecimal(value / 1000))k"
        case ..<1_000_000: return "\(Int(saturating: value / 1000))k"
        case ..<10_000_000: return "\(oneDecimal(value / 1_000_000))M"
        case ..<1e12: return "\(Int(saturating: value / 1_000_000))M"
        default: return "\(value)"
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
        return unit == 0 ? "\(Int(saturating: v))B" : (v < 10 ? oneDecimal(v) : String(Int(saturating: v.rounded()))) + units[unit]
    }

    /// "4.2%".
    public static func percent(_ fraction: Double) -> String { "\(oneDecimal(fraction * 100))%" }

    /// How long ago `date` was, seen from `now`: "12m".
    public static func age(_ date: Date, now: Date) -> String {
        guard date.timeIntervalSince1970 > 0 else { return "-" }
        let seconds = max(0, now.timeIntervalSince(date).rounded(.down))
        return seconds < 60 ? "\(Int(saturating: seconds))s" : duration(seconds)
    }

    /// "14:05:30" in UTC.
    public static func clock(_ date: Date) -> String {
        let seconds = Int(saturating: date.timeIntervalSince1970.rounded(.down))
        let day = ((seconds % 86_400) + 86_400) % 86_400
        return "\(pad2(day / 3600)):\(pad2(day / 60 % 60)):\(pad2(day % 60))"
    }

    /// "2026-11-20 14:05:30 UTC (12m ago)" for detail views.
    public static func timestamp(_ date: Date, now: Date) -> String {
        guard date.timeIntervalSince1970 > 0 else { return "unknown" }
        let day = Int(saturating: (date.timeIntervalSince1970 / 86_400).rounded(.down))
        let civil = civilDate(daysSinceEpoch: day)
        return "\(civil.year)-\(pad2(civil.month))-\(pad2(civil.day)) \(clock(date)) UTC (\(age(date, now: now)) ago)"
    }

    /// Year, month and day of a day count since 1970-01-01 (Howard Hinnant's civil_from_days).
    static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// "5:30" for a position within a recording.
    public static func position(_ seconds: Double) -> String {
        let s = Int(saturating: seconds)
        return s >= 3600 ? "\(s / 3600):\(pad2(s / 60 % 60)):\(pad2(s % 60))" : "\(s / 60):\(pad2(s % 60))"
    }

    /// A number with exactly one decimal, rounded half away from zero ("3.0", "12.5"); String(cFormat:) is far slower.
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int(saturating: (abs(value) * 10).rounded())
        return "\(value < 0 && tenths > 0 ? "-" : "")\(tenths / 10).\(tenths % 10)"
    }

    /// `text` cut or padded with spaces to `width` characters.
    static func padded(_ text: String, to width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }

    /// Two digits, zero-padded.
    static func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
