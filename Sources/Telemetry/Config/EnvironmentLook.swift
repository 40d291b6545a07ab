/// How an environment looks on screen, so prod never looks like dev: a colour for its name wherever it appears, and an
/// optional banner ("PRODUCTION") beside it on the status bar, on its detail views and in its confirmations.
public struct EnvironmentLook: Codable, Equatable, Sendable {
    /// The colours an environment may be given (config.toml `color`), each a role themes can restyle.
    public enum Color: String, Codable, CaseIterable, Sendable {
        case red, yellow, green, blue, magenta, cyan
    }

    public var color: Color?
    public var banner: String?

    public init(color: Color? = nil, banner: String? = nil) {
        self.color = color
        self.banner = banner
    }

    /// The longest banner, in characters.
    public static let maxBanner = 40
}
