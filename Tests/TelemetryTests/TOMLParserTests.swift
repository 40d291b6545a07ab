import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

@Suite struct TOMLParserTests {
    @Test func readsTablesValuesAndComments() throws {
        let doc = try TOMLParser.parse("""
        # comment
        name = "dark" # trailing
        count = 1_000
        ratio = 0.5
        on = true
        list = ["a", 'b',
                "c\\u00e9"]
        [roles]
        text = { fg = "default", bold = false }
        [environments.prod]
        account = "398126457039"
        """)
        #expect(doc["name"] == .string("dark"))
        #expect(doc["count"] == .integer(1000))
        #expect(doc["ratio"] == .float(0.5))
        #expect(doc["on"] == .boolean(true))
        #expect(doc["list"] == .array([.string("a"), .string("b"), .string("cé")]))
        #expect(doc["roles"]?["text"]?["fg"] == .string("default"))
        #expect(doc["environments"]?["prod"]?["account"] == .string("398126457039"))
    }

    @Test(arguments: [
        ("a = ", 1, "a value was expected"),
        ("a = 1\nb = red", 2, "'red' is not a value (strings need quotes)"),
        ("a = \"open", 1, "unterminated string"),
        ("[t]\n[t]", 2, "table [t] defined twice"),
        ("a = 1\na = 2", 2, "key 'a' defined twice"),
        ("a = 1 2", 1, "unexpected '2' after value"),
        ("a = [1, 2", 1, "expected ',' or ']' in array"),
    ])
    func reportsTheLineOfAnError(text: String, line: Int, message: String) {
        #expect(throws: TOMLError(line: line, message: message)) { try TOMLParser.parse(text) }
    }
}
