import Foundation
import Testing
@testable import Panels
@testable import Telemetry
@testable import Demo

/// `s` and `S`: tables sorted by a column as a person reads its values.
@Suite struct SortOrderTests {
    @Test func cellsOrderByTheirValueWithUnits() {
        let ordered = ["-", "1.2k", "950", "idle", "3.5M", "12", "beta", "Alpha"].map { CellOrder(.plain($0)) }.sorted().map(\.text)
        #expect(ordered == ["12", "950", "1.2k", "3.5M", "alpha", "beta", "-", "idle"])
        #expect(CellOrder.number("850ms")! < CellOrder.number("6.5s")! && CellOrder.number("6.5s")! < CellOrder.number("11m")!)
        #expect(CellOrder.number("588/500") == 588 && CellOrder.number("34.5%") == 34.5 && CellOrder.number("64KB") == 64_000)
        #expect(CellOrder(.spark([1, 9], threshold: nil)) > CellOrder(.spark([5, 2], threshold: nil)), "a trend sorts by its latest value")
    }

    @Test func aSortedTableMarksItsColumnAndKeepsTiesInOrder() throws {
        let content = PanelCatalog.panel(.lambda).content(for: DemoStory().snapshot(at: 600))
        let column = try #require(content.sections[0].columns.firstIndex { $0.title == "INVOC 5m" })
        let ascending = content.sorted(by: SortOrder(column: column))
        #expect(ascending.sections[0].columns[column].title == "INVOC 5m▲")
        let invocations = ascending.rows.map { CellOrder($0.cells[column]) }
        #expect(invocations == invocations.sorted())
        let descending = content.sorted(by: SortOrder(column: column, descending: true))
        #expect(descending.rows.map { SnapshotReport.text($0.cells[1]) } == ascending.rows.reversed().map { SnapshotReport.text($0.cells[1]) }
                || descending.sections[0].columns[column].title == "INVOC 5m▼")
        let byEnvironment = content.sorted(by: SortOrder(column: 0)).rows.map { SnapshotReport.text($0.cells[0]) }
        #expect(byEnvironment == byEnvironment.sorted(), "environments alphabetically")
        let stagingFirst = content.sorted(by: SortOrder(column: 0)).rows.filter { SnapshotReport.text($0.cells[0]) == "staging" }.map { SnapshotReport.text($0.cells[1]) }
        #expect(stagingFirst == content.rows.filter { SnapshotReport.text($0.cells[0]) == "staging" }.map { SnapshotReport.text($0.cells[1]) }, "ties keep the panel's order")
    }
}
