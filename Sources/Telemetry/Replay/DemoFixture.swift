import Foundation

/// The demo recording shipped inside opsdeck.
public enum DemoFixture {
    /// Loads the embedded demo fixture.
    public static func load() throws -> Fixture {
        guard let url = Bundle.module.url(forResource: "demo-fixture", withExtension: "jsonl") else {
            throw FixtureError(line: 0, cause: "the embedded demo fixture is missing from this build")
        }
        return try FixtureCodec.decode(Data(contentsOf: url))
    }
}
