import Foundation
import Testing
@testable import opsdeck
@testable import Panels
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo
@testable import ConsoleCore

@Suite struct ThemeTests {
    let repoThemes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes").standardized

    @Test(arguments: ["dark", "light", "high-contrast", "mono"])
    func shippedThemesLoad(name: String) throws {
        let theme = try ThemeLoader(searchPaths: [repoThemes]).load(name)
        #expect(theme.name == name)
        #expect(theme[.selection].mono == [.reverse])
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
        let error = #expect(throws: ThemeError.self) { try ThemeLoader.parse(TOMLParser.parse(text), fallbackName: "x") }
        #expect(error?.description.contains(expected) == true, "\(String(describing: error))")
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
