import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore

@Suite struct TOMLDocumentTests {
    @Test func readsTablesValuesAndComments() throws {
        let doc = try TOMLDocument.parse("""
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

    @Test func readsEveryTOMLForm() throws {
        let doc = try TOMLDocument.parse(#"""
        environments.dev.account_id = "104729364815"
        "quoted key" = 'literal \n'
        text = """
        two
        lines"""
        when = 1979-05-27T07:32:00Z
        [[group]]
        name = "a"
        [[group]]
        name = "b"
        """#)
        #expect(doc["environments"]?["dev"]?["account_id"] == .string("104729364815"))
        #expect(doc["quoted key"] == .string(#"literal \n"#))
        #expect(doc["text"] == .string("two\nlines"))
        #expect(doc["when"]?.string == nil, "a date is not a string setting")
        #expect(doc["group"] == .array([.table(["name": .string("a")]), .table(["name": .string("b")])]))
    }

    @Test(arguments: [
        ("a = ", 1),
        ("a = 1\nb = red", 2),
        ("a = \"open", 1),
        ("[t]\n[t]", 2),
        ("a = 1\na = 2", 2),
        ("a = 1 2", 1),
        ("a = [1, 2", 1),
        ("a = 1\n\nb = \"x\0y\"", 3),
    ])
    func reportsTheLineOfAnError(text: String, line: Int) {
        #expect { try TOMLDocument.parse(text) } throws: { ($0 as? TOMLError)?.line == line }
    }

    @Test func aBareWordIsToldToTakeQuotes() {
        #expect(throws: TOMLError(line: 2, message: "'red' is not a value (strings need quotes)")) { try TOMLDocument.parse("a = 1\nb = red") }
    }

    @Test func findsTheLineOfAKeyInEveryForm() {
        let text = """
        poll_interval = 30
        [environments.dev]
        account_id = "104729364815"
        region = "eu-west-1"
        [environments.staging]
        watch.functions = ["a"]
        text = '''
        region = "inside a string"
        '''
        [environments."prod.eu"]
        region = "eu-west-2"
        """
        #expect(TOMLKeyLines.line(of: ["poll_interval"], in: text) == 1)
        #expect(TOMLKeyLines.line(of: ["environments", "dev", "region"], in: text) == 4)
        #expect(TOMLKeyLines.line(of: ["environments", "dev", "profile"], in: text) == 2, "a missing key is named at its table")
        #expect(TOMLKeyLines.line(of: ["environments", "staging", "watch", "functions"], in: text) == 6)
        #expect(TOMLKeyLines.line(of: ["environments", "staging", "region"], in: text) == 5, "not the line inside the multi-line string")
        #expect(TOMLKeyLines.line(of: ["environments", "prod.eu", "region"], in: text) == 11)
        #expect(TOMLKeyLines.line(of: ["discovery"], in: text) == nil)
    }
}
