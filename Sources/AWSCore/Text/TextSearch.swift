import FoundationEssentials
import Glibc

/// Byte-wise substring search: Foundation's `String.contains` goes through NSString and costs far more on hot paths
/// (filtering thousands of rows per keystroke, scanning recorded bodies).
public enum TextSearch {
    /// Whether `text` contains `word` (exact bytes; callers lower-case both for case-insensitive matching).
    public static func contains(_ text: String, _ word: String) -> Bool {
        var text = text
        var word = word
        return text.withUTF8 { haystack in
            word.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard haystack.count >= needle.count else { return false }
                var index = 0
                let last = haystack.count - needle.count
                while index <= last {
                    if haystack[index] == first, memcmp(haystack.baseAddress! + index, needle.baseAddress!, needle.count) == 0 { return true }
                    index += 1
                }
                return false
            }
        }
    }

    /// The first range of `word` in `text` at or after `start`, letters compared without case as Foundation's
    /// `.caseInsensitive` search compares them.
    public static func caselessRange<Text: StringProtocol>(of word: String, in text: Text, from start: Text.Index? = nil) -> Range<Text.Index>? {
        let target = word.map { $0.lowercased() }
        guard !target.isEmpty else { return nil }
        var index = start ?? text.startIndex
        while index < text.endIndex {
            var end = index
            var matched = 0
            while matched < target.count, end < text.endIndex, text[end].lowercased() == target[matched] {
                end = text.index(after: end)
                matched += 1
            }
            if matched == target.count { return index..<end }
            index = text.index(after: index)
        }
        return nil
    }
}
