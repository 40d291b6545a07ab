import ArgumentParser
import FoundationEssentials
import Telemetry
import AWSCore
import Recording
import Demo
import Panels
import ConsoleCore

/// Writes the demo recording by recording the story's platform (how Sources/Demo/Resources/demo-recording.jsonl.gz is made).
struct GenerateDemoFixture: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-demo-fixture",
        abstract: "Regenerate the embedded demo recording.",
        shouldDisplay: false
    )

    @Argument(help: "Where to write the recording (gzip).")
    var path: String

    func run() async throws {
        try await DemoRecording.generate(to: URL(fileURLWithPath: path))
    }
}
