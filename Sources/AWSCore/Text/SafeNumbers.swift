/// Conversions of untrusted numbers (responses, recordings, config) that never trap.
extension Int {
    /// The largest magnitude a converted value keeps (2^53), so sums and date arithmetic on it cannot overflow either.
    public static let saturationLimit = 9_007_199_254_740_992

    /// `value` toward zero, clamped to ±2^53; NaN is 0.
    public init(saturating value: Double) {
        guard !value.isNaN else {
            self = 0
            return
        }
        let limit = Double(Int.saturationLimit)
        self = Int(Swift.min(Swift.max(value, -limit), limit))
    }
}

extension Double {
    /// The value if it is finite and within ±`limit`, else nil: for numbers read from outside that must stay usable.
    public func bounded(by limit: Double) -> Double? {
        isFinite && Swift.abs(self) <= limit ? self : nil
    }
}
