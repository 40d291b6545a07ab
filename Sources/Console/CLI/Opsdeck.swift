import ArgumentParser
import CCurl
import Foundation

/// The `opsdeck` command and its subcommands.
@main
struct Opsdeck: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opsdeck",
        abstract: "A keyboard-driven terminal operations console for a multi-account AWS platform.",
        discussion: "Start with `opsdeck --demo`. Console options (--demo, --theme, --speed, --keys): `opsdeck help console`.",
        version: "opsdeck 0.1.0 (\(String(cString: curl_version())))",
        subcommands: [ConsoleCommand.self, SnapshotCommand.self, GenerateDemoFixture.self],
        defaultSubcommand: ConsoleCommand.self
    )
}
