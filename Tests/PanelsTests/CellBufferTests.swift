import Foundation
import Testing
@testable import Panels
@testable import Telemetry
@testable import AWSCore
@testable import Demo

@Suite struct CellBufferTests {
    @Test func wideGraphemesTakeTwoCellsAndAreClipped() {
        var buffer = CellBuffer(width: 5, height: 1)
        let written = buffer.put("a東京", x: 0, y: 0, role: .text)
        #expect(written == 5)
        #expect(buffer[1, 0].width == 2)
        #expect(buffer[2, 0].width == 0)
        #expect(buffer.line(0) == "a東京")
        var narrow = CellBuffer(width: 4, height: 1)
        narrow.put("a東京", x: 0, y: 0, role: .text)
        #expect(narrow.line(0) == "a東 ")
    }

    @Test func displayWidthFollowsEastAsianWidthAndEmoji() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("東京") == 4)
        #expect(DisplayWidth.of("🚨") == 2)
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("→") == 1)
        #expect(DisplayWidth.truncate("replication", to: 6) == "repli…")
        #expect(DisplayWidth.truncate("東京東京", to: 5) == "東京…")
    }

    /// Every panel, drawn into a window of a buffer pre-filled with markers, leaves the markers outside it alone.
    @Test(arguments: PanelID.allCases)
    func panelsDrawOnlyInsideTheirArea(id: PanelID) {
        let marker = Cell("×", width: 1, role: .marker)
        var buffer = CellBuffer(width: 90, height: 30, fill: marker)
        let area = Rect(x: 7, y: 4, width: 70, height: 18)
        let content = PanelCatalog.panel(id).content(for: DemoStory().snapshot(at: 900))
        let inner = Block(title: id.title, trailer: content.summary, focused: true).render(into: &buffer, area: area)
        TableView(sections: content.sections, selected: 3).render(into: &buffer, area: inner)
        var strays: [String] = []
        for y in 0..<buffer.height {
            for x in 0..<buffer.width where !(x >= area.x && x < area.maxX && y >= area.y && y < area.maxY) && buffer[x, y] != marker {
                strays.append("\(x),\(y)")
            }
        }
        #expect(strays.isEmpty)
        #expect(buffer.line(area.y + 2).contains(where: { $0 != "×" && $0 != " " && $0 != "│" }))
    }

    @Test func narrowTablesDropColumnsInDropOrder() {
        let section = TableSection(columns: [
            Column("A", width: 5), Column("B", width: 10, flexible: true), Column("C", width: 6, dropOrder: 2), Column("D", width: 6, dropOrder: 1),
        ], rows: [])
        #expect(section.layout(width: 40) == [5, 20, 6, 6])
        #expect(section.layout(width: 25) == [5, 12, nil, 6])
        #expect(section.layout(width: 12) == [5, 10, nil, nil])
    }

    @Test func formatsAreCompact() {
        #expect(Format.duration(0.85) == "850ms")
        #expect(Format.duration(8.54) == "8.5s")
        #expect(Format.duration(42) == "42s")
        #expect(Format.duration(1500) == "25m")
        #expect(Format.count(1234) == "1.2k")
        #expect(Format.count(48_200) == "48k")
        #expect(Format.bytes(2.1e9) == "2.1GB")
        #expect(Format.percent(0.226) == "22.6%")
        #expect(Format.position(612) == "10:12")
        #expect(Format.timestamp(Date(timeIntervalSince1970: 1_795_183_200), now: Date(timeIntervalSince1970: 1_795_183_920)) == "2026-11-20 14:00:00 UTC (12m ago)")
    }
}
