/// Text from AWS or a recording made safe for a terminal: control characters are shown, never interpreted.
extension String {
    /// The string with every C0 and C1 control character and DEL written as `\xNN` (an escape is `\x1b`), so a title
    /// change or OSC 52 clipboard write in an alarm name prints as text; the string itself when it has none.
    public var visible: String {
        guard unicodeScalars.contains(where: Self.isControl) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if Self.isControl(scalar) {
                let hex = String(scalar.value, radix: 16)
                out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `scalar` is a C0 or C1 control or DEL.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
