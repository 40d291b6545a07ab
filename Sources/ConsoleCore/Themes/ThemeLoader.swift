import FoundationEssentials
import Panels
import Telemetry
import AWSCore
import Recording

/// Why a theme could not be used.
struct ThemeError: Error, Equatable, CustomStringConvertible {
    var description: String
    /// The key at fault, by which its line is found in the file.
    var key: [String] = []
}

/// Finds theme files by name and reads them over the built-in defaults.
struct ThemeLoader {
    /// Folders searched for NAME.toml, in order.
    var searchPaths: [URL]

    /// The user's theme folder, then `themes/` beside or above the executable and the working directory.
    static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ThemeLoader {
        var paths = [ConfigPaths(environment: environment).configDirectory.appendingPathComponent("themes")]
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for start in [executable, cwd] {
            var dir = start
            for _ in 0..<6 {
                paths.append(dir.appendingPathComponent("themes"))
                dir = dir.deletingLastPathComponent()
            }
        }
        return ThemeLoader(searchPaths: paths)
    }

    /// The theme called `name` (a file in the search folders first, else the built-in one), or read from `name` when
    /// it is a path.
    func load(_ name: String) throws -> Theme {
        if name.contains("/") || name.hasSuffix(".toml") {
            return try read(URL(fileURLWithPath: name))
        }
        for dir in searchPaths {
            let file = dir.appendingPathComponent("\(name).toml")
            if FileManager.default.fileExists(atPath: file.path) { return try read(file) }
        }
        if let text = BuiltinThemes.files[name] { return try parse(text, file: "\(name).toml") }
        throw ThemeError(description: "theme '\(name)' not found (looked for \(name).toml in \(searchPaths.first?.path ?? "?") and themes/)")
    }

    /// The names of the themes found in the search folders.
    func available() -> [String] {
        let names = searchPaths.flatMap { dir in
            ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }
        }
        return Array(Set(names + BuiltinThemes.files.keys)).sorted()
    }

    /// Reads one theme file.
    func read(_ file: URL) throws -> Theme {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw ThemeError(description: "cannot read theme \(file.path) (\(FileFailure.reason(error)))")
        }
        return try parse(text, file: file.lastPathComponent)
    }

    /// Reads the text of the theme file named `file`.
    private func parse(_ text: String, file: String) throws -> Theme {
        do {
            return try Self.parse(TOMLDocument.parse(text), fallbackName: String(file.dropLast(file.hasSuffix(".toml") ? 5 : 0)))
        } catch let error as TOMLError {
            throw ThemeError(description: "theme \(file) \(error)")
        } catch let error as ThemeError {
            let line = TOMLKeyLines.label(of: error.key, in: text)
            throw ThemeError(description: "theme \(file)\(line): \(error)")
        }
    }

    /// Builds a theme from a parsed file: `name`, and a `[roles]` table of role = { fg, bg, bold, dim, underline, reverse, mono }.
    static func parse(_ document: [String: TOMLValue], fallbackName: String) throws -> Theme {
        var theme = Theme.dark
        theme.name = document["name"]?.string ?? fallbackName
        for (roleName, value) in document["roles"]?.table ?? [:] {
            guard let role = StyleRole.allCases.first(where: { $0.name == roleName }) else {
                throw ThemeError(description: "unknown role '\(roleName)' (roles: \(StyleRole.allCases.map(\.name).joined(separator: ", ")))", key: ["roles", roleName])
            }
            guard let fields = value.table else { throw ThemeError(description: "role '\(roleName)' must be a table like { fg = \"red\" }", key: ["roles", roleName]) }
            var style = RoleStyle(mono: theme[role].mono)
            for (field, v) in fields {
                switch field {
                case "fg", "bg":
                    guard let color = ThemeColor(v) else {
                        throw ThemeError(description: "\(roleName).\(field): '\(v)' is not a colour (a name, 0-255, #rrggbb or \"default\")", key: ["roles", roleName, field])
                    }
                    if field == "fg" { style.foreground = color } else { style.background = color }
                case "bold", "dim", "underline", "reverse":
                    guard let flag = v.boolean else { throw ThemeError(description: "\(roleName).\(field) must be true or false", key: ["roles", roleName, field]) }
                    switch field {
                    case "bold": style.bold = flag
                    case "dim": style.dim = flag
                    case "underline": style.underline = flag
                    default: style.reverse = flag
                    }
                case "mono":
                    let names = v.array?.compactMap(\.string) ?? []
                    let attributes = names.compactMap(RoleStyle.Attribute.init(rawValue:))
                    guard attributes.count == names.count, v.array?.count == names.count else {
                        throw ThemeError(description: "\(roleName).mono must list attributes of bold, dim, underline, reverse", key: ["roles", roleName, field])
                    }
                    style.mono = Set(attributes)
                default:
                    throw ThemeError(description: "\(roleName): unknown field '\(field)'", key: ["roles", roleName, field])
                }
            }
            theme[role] = style
        }
        return theme
    }
}
