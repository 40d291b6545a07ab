/// Why config.toml could not be used; names the file and the line or key.
public struct ConfigError: Error, Equatable, CustomStringConvertible {
    public var description: String
    /// The key at fault, by which its line is found in the file.
    public var key: [String]

    public init(_ description: String, key: [String] = []) {
        self.description = description
        self.key = key
    }
}
