import Foundation
import Testing
import ServiceModel
import TerminalUI
@testable import SvcWizApp

/// List columns sized to what the rows on screen hold: cut columns get the free width
/// first, and no column is wider than its widest visible cell (or its header).
struct ListColumnLayoutTests {
    /// The display columns where each header starts, left to right.
    static func headerStarts(_ header: String) -> [(name: String, start: Int)] {
        ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL", "PORTS", "BACK", "SELECTOR", "AGE"].compactMap { name in
            header.displayColumn(of: name).map { (name, $0) }
        }.sorted { $0.start < $1.start }
    }

    @Test(arguments: [120, 200])
    func clusterIPsShowWholeAndNameIsNoWiderThanItsLongestName(columns: Int) throws {
        let state = ClusterRows.listState(columns: columns)
        let lines = ClusterRows.render(state).lines
        for row in ClusterRows.demo {
            let line = try #require(lines.first { $0.hasPrefix(">" + row.name) || $0.hasPrefix(" " + row.name) })
            #expect(line.contains(row.clusterIP! + " "), "\(row.clusterIP!) whole at \(columns): \(line)")
            #expect(line.displayWidth <= columns)
        }
        if columns == 200 { #expect(!lines.contains { $0.contains("…") }, "nothing is cut at 200 columns") }
        let starts = Self.headerStarts(lines[1])
        #expect(starts.map(\.name) == ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL", "PORTS", "BACK", "SELECTOR", "AGE"])
        let nameWidth = starts[1].start - starts[0].start - ListColumnLayout.gap
        let longest = ClusterRows.demo.map { ServiceRow.name($0).displayWidth }.max() ?? 0
        #expect(longest == "web (网站)".displayWidth)
        #expect(nameWidth == max(longest, "NAME ▲".displayWidth), "NAME is as wide as its longest visible name at \(columns)")
        // Each column starts right after the widest cell of the one before it.
        let clusterIPWidth = starts[3].start - starts[2].start - ListColumnLayout.gap
        #expect(clusterIPWidth == "10.104.233.150".displayWidth)
    }

    @Test func atEightyColumnsTheCutColumnsGetTheRoomNameDoesNotNeed() throws {
        let lines = ClusterRows.render(ClusterRows.listState(columns: 80)).lines
        #expect(lines.contains { $0.contains("10.104.233.150") }, "the widest cluster IP fits at 80: \(lines)")
        #expect(lines.allSatisfy { $0.displayWidth <= 80 })
    }

    typealias Demand = ListColumnLayout.Demand

    /// Width, demands, then the columns shown and their widths.
    static let layouts: [(Int, [Demand], [ServiceColumn], [Int])] = [
        // The room left goes to the cut column closest to whole first: 1 marker + 20 + 1 + 11
        // + 1 + 12 = 46 at the floors, 4 cells left, CLUSTER-IP whole first, the rest to NAME.
        (50, [Demand(column: .name, header: 4, content: 40), Demand(column: .clusterIP, header: 10, content: 14),
              Demand(column: .ports, header: 5, content: 12)], [.name, .clusterIP, .ports], [21, 14, 12]),
        // No column is wider than it asks; the rest of the line stays free.
        (200, [Demand(column: .name, header: 6, content: 9), Demand(column: .type, header: 4, content: 18),
               Demand(column: .age, header: 3, content: 3)], [.name, .type, .age], [9, 18, 3]),
        // Columns drop from the right when even their floors do not fit; the room left goes
        // to the one closer to whole.
        (40, [Demand(column: .name, header: 4, content: 30), Demand(column: .type, header: 4, content: 22),
              Demand(column: .selector, header: 8, content: 30)], [.name, .type], [20, 18]),
    ]

    @Test(arguments: layouts.indices)
    func widthsFollowTheDemands(_ index: Int) {
        let (width, demands, columns, widths) = Self.layouts[index]
        let layout = ListColumnLayout(width: width, demands: demands)
        #expect(layout.columns.map(\.column) == columns)
        #expect(layout.columns.map(\.width) == widths)
    }

    @Test func cjkAliasesAreMeasuredInCells() {
        let cells = [["web (网站)"], ["api"]]
        let demands = ListColumnLayout.demands([.name], headers: ["NAME"], cells: cells)
        #expect(demands == [ListColumnLayout.Demand(column: .name, header: 4, content: 10)])
    }
}
