import Foundation
import Testing
@testable import Telemetry
@testable import AWSCore
@testable import Recording
@testable import Demo

@Suite struct XMLReaderTests {
    @Test func readsNestedElementsTextAndAttributes() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- a comment -->
        <ns:Root xmlns:ns="urn:x" kind='outer'>
          <Item id="1">first &amp; &lt;best&gt; &#65;&#x42;</Item>
          <Item id="2"><![CDATA[<raw> & text]]></Item>
          <Empty/>
        </ns:Root>
        """
        let root = try XMLReader.parse(Data(xml.utf8))
        #expect(root.name == "Root")
        #expect(root.attributes["kind"] == "outer")
        #expect(root.all("Item").map(\.text) == ["first & <best> AB", "<raw> & text"])
        #expect(root.all("Item").map { $0.attributes["id"] } == ["1", "2"])
        #expect(root.child("Empty")?.text == "")
    }

    @Test func readsTheEmptyBotocoreDescribeStacks() throws {
        let root = try XMLReader.parse(try resource("responses/cloudformation-DescribeStacks.empty.botocore.xml"))
        #expect(root.name == "DescribeStacksResponse")
        #expect(root.at("DescribeStacksResult", "Stacks")?.children.isEmpty == true)
    }

    @Test(arguments: [
        ("<a><b></a>", "</a> closes <b>"),
        ("<a>", "not closed"),
        ("", "no root element"),
        ("<a></a><b/>", "content after the root"),
        ("<a x=1/>", "must be quoted"),
        ("<a>&bogus;</a>", "unknown entity"),
        (String(repeating: "<a>", count: 200), "nested more than"),
    ])
    func malformedDocumentsSayWhy(xml: String, message: String) {
        #expect {
            try XMLReader.parse(Data(xml.utf8))
        } throws: { error in
            (error as? XMLError)?.message.contains(message) == true
        }
    }
}
