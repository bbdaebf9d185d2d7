import Testing
@testable import TerminalUI

/// A data source that counts what the table asks for.
final class CountingRows: TableDataSource {
    let rows: [TableRow]
    private(set) var requested: [Int] = []

    init(_ rows: [TableRow]) { self.rows = rows }

    var rowCount: Int { rows.count }
    func row(at index: Int) -> TableRow {
        requested.append(index)
        return rows[index]
    }
}

@Suite struct TableTests {
    let columns = [
        TableColumn("NAME", width: 20),
        TableColumn("TYPE", width: 16),
        TableColumn("CLUSTER-IP", width: 12),
        TableColumn("EXTERNAL", width: 15),
        TableColumn("PORTS", width: 12),
        TableColumn("BACK", width: 4, minWidth: 3),
    ]

    func services() -> [TableRow] {
        [
            TableRow(["cart", "VirtualIP", "10.96.3.14", "-", "http:80>8080", "3/3"]),
            TableRow(["catalog (商品目录)", "VirtualIP", "10.96.7.2", "-", "http:80>http", "2/3"]),
            TableRow(["frontend (前端)", "VirtualIP+NodePort", "10.96.0.41", ":30080", "http:80>8080", "2/2"], isMarked: true),
            TableRow(["mysql", "Headless", "None", "-", "mysql:3306", "1/1"]),
        ]
    }

    @Test func columnsStayAlignedPastCJKCells() {
        let surface = MemorySurface(columns: 80, rows: 24)
        let rows = CountingRows(services())
        Table(columns: Array(columns.prefix(3))).draw(on: surface, in: Rect(column: 0, row: 0, width: 80, height: 10),
                                                       state: TableState(), dataSource: rows)
        let lines = surface.lines
        #expect(lines[0] == " NAME                 TYPE             CLUSTER-IP")
        #expect(lines[1] == ">cart                 VirtualIP        10.96.3.14")
        #expect(lines[2] == " catalog (商品目录)   VirtualIP        10.96.7.2")
        #expect(lines[3] == "*frontend (前端)      VirtualIP+NodeP… 10.96.0.41")
        // The TYPE column starts on the same cell in every row, whatever came before it.
        for row in 0..<4 {
            #expect(surface.grid[22, row].text != " ")
            #expect(surface.grid[21, row].text == " ")
        }
    }

    @Test func columnsAreDroppedFromTheRightWhenNarrow() {
        let table = Table(columns: columns)
        #expect(table.layout(width: 100).map(\.index) == [0, 1, 2, 3, 4, 5])
        #expect(table.layout(width: 80).map(\.index) == [0, 1, 2, 3, 4])
        #expect(table.layout(width: 60).map(\.index) == [0, 1, 2])
        let surface = MemorySurface(columns: 60, rows: 24)
        table.draw(on: surface, in: surface.bounds, state: TableState(), dataSource: CountingRows(services()))
        #expect(surface.lines[0] == " NAME                 TYPE             CLUSTER-IP")
        #expect(!surface.text.contains("PORTS"))
    }

    @Test func theLastColumnShownIsSqueezedDownToItsMinimum() {
        let table = Table(columns: columns)
        let placed = table.layout(width: 84)
        #expect(placed.last?.index == 5)
        #expect(placed.last?.width == 3)
    }

    @Test func headerShowsTheSortDirection() {
        let surface = MemorySurface(columns: 80, rows: 24)
        Table(columns: columns, sort: TableSort(column: 1, ascending: false))
            .draw(on: surface, in: surface.bounds, state: TableState(), dataSource: CountingRows(services()))
        #expect(surface.lines[0].hasPrefix(" NAME                 TYPE ▼           CLUSTER-IP"))
        #expect(surface.style(atColumn: 1, row: 0) == .header)
    }

    @Test func selectionHasMarkerAndSelectedStyleAcrossTheRow() {
        let surface = MemorySurface(columns: 80, rows: 24)
        var state = TableState()
        let rows = CountingRows(services())
        let moved = state.handle(.down, rowCount: rows.rowCount, pageSize: 10)
        #expect(moved)
        Table(columns: columns).draw(on: surface, in: surface.bounds, state: state, dataSource: rows)
        #expect(surface.lines[2].hasPrefix(">catalog"))
        #expect(surface.lines[1].hasPrefix(" cart"))
        for column in 0..<80 {
            #expect(surface.style(atColumn: column, row: 2) == .selected)
        }
        #expect(surface.style(atColumn: 5, row: 1) == .normal)
    }

    @Test func selectionIsReverseVideoInMonochrome() {
        let surface = MemorySurface(columns: 80, rows: 24)
        let rows = CountingRows(services())
        Table(columns: columns).draw(on: surface, in: surface.bounds, state: TableState(), dataSource: rows)
        let look = surface.appearance(atColumn: 3, row: 1, theme: .monochrome)
        #expect(look.attributes.contains(.reverse))
        #expect(look.foreground == nil && look.background == nil)
        let other = surface.appearance(atColumn: 3, row: 2, theme: .monochrome)
        #expect(!other.attributes.contains(.reverse))
    }

    @Test func markedRowsShowAStar() {
        let surface = MemorySurface(columns: 80, rows: 24)
        Table(columns: columns).draw(on: surface, in: surface.bounds, state: TableState(), dataSource: CountingRows(services()))
        #expect(surface.lines[3].hasPrefix("*frontend"))
        #expect(surface.style(atColumn: 3, row: 3) == .marked)
    }

    @Test func onlyVisibleRowsAreRequested() {
        let many = CountingRows((0..<10_000).map { TableRow(["svc-\($0)"]) })
        let surface = MemorySurface(columns: 80, rows: 24)
        var state = TableState()
        state.select(5_000, rowCount: many.rowCount, pageSize: 23)
        Table(columns: columns).draw(on: surface, in: surface.bounds, state: state, dataSource: many)
        #expect(many.requested.count == 23)
        #expect(many.requested.contains(5_000))
        #expect(surface.lines.contains(">svc-5000"))
    }

    @Test func scrollingKeepsTheSelectionVisible() {
        var state = TableState()
        for _ in 0..<30 { _ = state.handle(.down, rowCount: 100, pageSize: 10) }
        #expect(state.selection == 30)
        #expect(state.visibleRows(rowCount: 100, pageSize: 10) == 21..<31)
        for _ in 0..<5 { _ = state.handle(.up, rowCount: 100, pageSize: 10) }
        #expect(state.visibleRows(rowCount: 100, pageSize: 10) == 21..<31)
        _ = state.handle(.end, rowCount: 100, pageSize: 10)
        #expect(state.visibleRows(rowCount: 100, pageSize: 10) == 90..<100)
        // A shorter window after a resize still shows the selection.
        #expect(state.visibleRows(rowCount: 100, pageSize: 4).contains(99))
        _ = state.handle(.pageUp, rowCount: 100, pageSize: 10)
        #expect(state.selection == 89)
    }

    @Test func selectionFollowsRowsThatWentAway() {
        var state = TableState()
        state.select(50, rowCount: 100, pageSize: 10)
        #expect(state.visibleRows(rowCount: 20, pageSize: 10) == 10..<20)
    }

    @Test func emptyTableShowsItsMessage() {
        let surface = MemorySurface(columns: 80, rows: 24)
        Table(columns: columns, emptyMessage: "No services").draw(on: surface, in: surface.bounds,
                                                                  state: TableState(), dataSource: CountingRows([]))
        #expect(surface.lines[1] == " No services")
    }

    @Test func cellTextFromTheClusterIsSanitised() {
        let surface = MemorySurface(columns: 80, rows: 24)
        let rows = CountingRows([TableRow(["evil\u{1B}[2J", "x"])])
        Table(columns: columns).draw(on: surface, in: surface.bounds, state: TableState(), dataSource: rows)
        #expect(surface.lines[1].hasPrefix(">evil\\e[2J"))
    }
}
