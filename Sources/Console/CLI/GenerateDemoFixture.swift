import ArgumentParser
import Foundation
import Telemetry

/// Writes the demo recording from the story generator (how Sources/Telemetry/Resources/demo-fixture.jsonl is made).
struct GenerateDemoFixture: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-demo-fixture",
        abstract: "Regenerate the embedded demo fixture.",
        shouldDisplay: false
    )

    @Argument(help: "Where to write the fixture.")
    var path: String

    func run() throws {
        try FixtureCodec.encode(DemoStory().fixture()).write(to: URL(fileURLWithPath: path))
    }
}
