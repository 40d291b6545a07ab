/// Trimming as Foundation's `trimmingCharacters(in:)` does it, for the two sets opsdeck trims; FoundationEssentials,
/// which opsdeck uses instead of the whole Foundation (and its ICU data), has no CharacterSet trimming.
public enum TrimmedCharacters: Sendable {
    /// Spaces (Unicode category Zs) and tabs.
    case whitespaces
    /// Those, and line and paragraph separators: U+000A to U+000D, U+0085, U+2028, U+2029.
    case whitespacesAndNewlines

    /// Whether `scalar` is in the set.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator { return true }
        guard self == .whitespacesAndNewlines else { return false }
        return (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}

extension StringProtocol {
    /// The text without the characters of `set` at either end.
    public func trimming(_ set: TrimmedCharacters) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !set.contains($0) }), let last = scalars.lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
