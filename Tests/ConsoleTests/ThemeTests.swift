import Foundation
import Testing
@testable import opsdeck
@testable import Panels
@testable import Telemetry
@testable import ConsoleCore

@Suite struct ThemeTests {
    let repoThemes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes").standardized

    @Test(arguments: ["dark", "light", "high-contrast", "mono"])
    func shippedThemesLoad(name: String) throws {
        let theme = try ThemeLoader(searchPaths: [repoThemes]).load(name)
        #expect(theme.name == name)
        #expect(theme[.selection].mono == [.reverse])
    }

    @Test(arguments: ["dark", "light", "high-contrast", "mono"])
    func everyThemeIsBuiltIntoTheBinary(name: String) throws {
        let builtIn = try ThemeLoader(searchPaths: []).load(name)
        #expect(builtIn == (try ThemeLoader(searchPaths: [repoThemes]).load(name)))
        #expect(BuiltinThemes.files[name].map { $0 + "\n" } == (try String(contentsOf: repoThemes.appendingPathComponent("\(name).toml"), encoding: .utf8)),
                "Sources/ConsoleCore/Themes/BuiltinThemes.swift holds themes/\(name).toml as it is")
        #expect(ThemeLoader(searchPaths: []).available() == ["dark", "high-contrast", "light", "mono"])
    }

    @Test func aThemeFileOverridesTheBuiltInOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "name = \"light\"\n[roles]\nok = { fg = 46 }\n".write(to: dir.appendingPathComponent("light.toml"), atomically: true, encoding: .utf8)
        #expect(try ThemeLoader(searchPaths: [dir]).load("light")[.ok].foreground == .indexed(46))
    }

    @Test func theLightThemePaintsItsOwnBackground() throws {
        let light = try ThemeLoader(searchPaths: []).load("light")
        #expect(StyleRole.allCases.allSatisfy { light[$0].background != .terminalDefault }, "readable on a dark terminal too")
    }

    @Test func darkFileMatchesTheBuiltInDefaults() throws {
        #expect(try ThemeLoader(searchPaths: [repoThemes]).load("dark") == Theme.dark)
    }

    @Test func missingThemeNamesWhereItLooked() {
        #expect(throws: ThemeError.self) { try ThemeLoader(searchPaths: [repoThemes]).load("solarized") }
        #expect(ThemeLoader(searchPaths: [repoThemes]).available() == ["dark", "high-contrast", "light", "mono"])
    }

    @Test(arguments: [
        ("[roles]\nbogus = { fg = \"red\" }", "unknown role 'bogus'"),
        ("[roles]\ntext = { fg = \"chartreuse\" }", "text.fg"),
        ("[roles]\ntext = { fg = 300 }", "text.fg"),
        ("[roles]\ntext = { bold = \"yes\" }", "text.bold must be true or false"),
        ("[roles]\ntext = { mono = [\"blink\"] }", "text.mono"),
        ("[roles]\ntext = \"red\"", "must be a table"),
    ])
    func badThemesSayWhatIsWrong(text: String, expected: String) throws {
        let error = #expect(throws: ThemeError.self) { try ThemeLoader.parse(TOMLDocument.parse(text), fallbackName: "x") }
        #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
    }

    @Test func aBadThemeFileNamesTheLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-theme-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "name = \"x\"\n[roles]\ntext = { fg = \"red\" }\ntitle.bold = \"yes\"\n".write(to: dir.appendingPathComponent("x.toml"), atomically: true, encoding: .utf8)
        #expect(throws: ThemeError(description: "theme x.toml line 4: title.bold must be true or false")) { try ThemeLoader(searchPaths: [dir]).load("x") }
        try "[keys]\nquit = \"q\"\n\nzoom = 5\n".write(to: dir.appendingPathComponent("keys.toml"), atomically: true, encoding: .utf8)
        #expect(throws: TOMLError(line: 4, message: "keys.zoom must be a key name or a list of key names")) { try KeyFile.read(dir.appendingPathComponent("keys.toml")) }
    }

    @Test func coloursFallBackToWhatTheTerminalHas() throws {
        let orange = try #require(ThemeColor(.string("#ff8700")))
        #expect(orange == .indexed(208))
        #expect(orange.resolved(forColors: 256) == 208)
        #expect((0..<16).contains(orange.resolved(forColors: 16)))
        #expect((0..<8).contains(orange.resolved(forColors: 8)))
        #expect(ThemeColor(.string("bright-red"))?.resolved(forColors: 8) == 1)
        #expect(ThemeColor(.string("default"))?.resolved(forColors: 256) == -1)
        #expect(ThemeColor(.integer(231))?.resolved(forColors: 8) == 7)
    }
}
