import Foundation

/// The demo recording shipped inside opsdeck.
public enum DemoFixture {
    /// Where the embedded fixture lies in the resource bundle.
    public static var url: URL? { Bundle.module.url(forResource: "demo-fixture", withExtension: "jsonl") }

    /// Loads the embedded demo fixture.
    public static func load() throws -> Fixture {
        guard let url else {
            throw FixtureError(line: 0, cause: "the embedded demo fixture is missing from this build")
        }
        return try FixtureCodec.decode(Data(contentsOf: url))
    }
}
