import Foundation

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
}
