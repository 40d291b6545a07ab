import FoundationEssentials
import Telemetry
import AWSCore
import Recording
import Panels

/// A colour as a theme names it: the terminal's default, or an xterm 256-colour palette index.
public enum ThemeColor: Equatable, Sendable {
    case terminalDefault
    case indexed(Int)

    static let names = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Reads "default", a colour name, a palette index 0-255, or "#rrggbb" (mapped to the nearest palette colour).
    init?(_ value: TOMLValue) {
        if let index = value.integer {
            guard (0...255).contains(index) else { return nil }
            self = .indexed(index)
            return
        }
        guard let text = value.string?.lowercased() else { return nil }
        if text == "default" {
            self = .terminalDefault
        } else if let index = Self.names.firstIndex(of: text.replacing("_", with: "-")) {
            self = .indexed(index)
        } else if text.hasPrefix("#"), text.count == 7, let rgb = Int(text.dropFirst(), radix: 16) {
            self = .indexed(Self.nearest(r: rgb >> 16 & 0xFF, g: rgb >> 8 & 0xFF, b: rgb & 0xFF))
        } else {
            return nil
        }
    }

    /// The palette index closest to an RGB colour, from the 6x6x6 cube and the grey ramp.
    static func nearest(r: Int, g: Int, b: Int) -> Int {
        (16...255).min { distance(rgb($0), (r, g, b)) < distance(rgb($1), (r, g, b)) }!
    }

    /// The RGB value xterm gives a palette index.
    static func rgb(_ index: Int) -> (Int, Int, Int) {
        let ansi = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        switch index {
        case 0..<16:
            return ansi[index]
        case 16..<232:
            let levels = [0, 95, 135, 175, 215, 255]
            let n = index - 16
            return (levels[n / 36], levels[n / 6 % 6], levels[n % 6])
        default:
            let grey = 8 + (index - 232) * 10
            return (grey, grey, grey)
        }
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr + dg * dg + db * db
    }

    /// This colour on a terminal with `colors` colours: the index to use, or -1 for the default.
    public func resolved(forColors colors: Int) -> Int {
        guard case .indexed(let index) = self else { return -1 }
        if index < colors { return index }
        let palette = min(colors, 16)
        let target = Self.rgb(index)
        return (0..<palette).min { Self.distance(Self.rgb($0), target) < Self.distance(Self.rgb($1), target) }!
    }
}
