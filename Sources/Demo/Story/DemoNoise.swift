import AWSCore
import Telemetry
import Recording
/// Deterministic noise: the same series and time always give the same value, so history windows agree across frames.
struct DemoNoise {
    let seed: UInt64

    /// A value in [0, 1) for `series` at time `t`.
    func unit(_ series: String, _ t: Int) -> Double {
        var x = seed ^ UInt64(bitPattern: Int64(t)) &* 0x9E37_79B9_7F4A_7C15
        for byte in series.utf8 { x = (x ^ UInt64(byte)) &* 0x100_0000_01B3 }
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        x ^= x >> 31
        return Double(x >> 11) / Double(1 << 53)
    }

    /// `base` varied by up to ±`spread` (a fraction) for `series` at `t`.
    func jitter(_ base: Double, _ spread: Double, _ series: String, _ t: Int) -> Double {
        base * (1 + spread * (2 * unit(series, t) - 1))
    }
}

/// Rounds to one decimal place so fixtures stay small and stable.
func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }
