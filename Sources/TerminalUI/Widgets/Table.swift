/// A table of rows under a header: `>` and reverse video mark the selection, `*` marks
/// marked rows, the sort column shows ▲ or ▼, and columns that do not fit are dropped
/// from the right.
public struct Table: Sendable {
    public var columns: [TableColumn]
    public var sort: TableSort?
    /// Shown (muted) in place of rows when there are none.
    public var emptyMessage: String

    public init(columns: [TableColumn], sort: TableSort? = nil, emptyMessage: String = "") {
        self.columns = columns
        self.sort = sort
        self.emptyMessage = emptyMessage
    }

    /// A column that made it on screen: which one, where, and how wide.
    public struct PlacedColumn: Hashable, Sendable {
        public let index: Int
        public let column: Int
        public let width: Int
    }

    /// Width of the marker column (`>`/`*`) before the first column.
    public static let markerWidth = 1

    /// Places columns left to right with a one-cell gap, in a table `width` cells wide.
    /// The first column always shows (squeezed if need be); a later one shows if at
    /// least its `minWidth` fits, squeezed to what is left; the rest are dropped.
    public func layout(width: Int) -> [PlacedColumn] {
        var placed: [PlacedColumn] = []
        var x = Self.markerWidth
        for (index, column) in columns.enumerated() {
            let gap = placed.isEmpty ? 0 : 1
            let room = width - x - gap
            if room >= column.width {
                placed.append(PlacedColumn(index: index, column: x + gap, width: column.width))
                x += gap + column.width
            } else {
                if room >= column.minWidth || (placed.isEmpty && room > 0) {
                    placed.append(PlacedColumn(index: index, column: x + gap, width: room))
                }
                break
            }
        }
        return placed
    }

    /// Data rows that fit under the header in a rectangle `height` rows tall.
    public static func pageSize(height: Int) -> Int { max(0, height - 1) }

    /// Draws the header and the visible rows, asking `dataSource` for those rows only.
    public func draw(on surface: some Surface, in rect: Rect, state: TableState, dataSource: some TableDataSource) {
        guard !rect.isEmpty else { return }
        let placed = layout(width: rect.width)
        drawHeader(on: surface, in: rect.row(0), placed: placed)
        let rowCount = dataSource.rowCount
        let pageSize = Self.pageSize(height: rect.height)
        if rowCount == 0 {
            if rect.height > 1 {
                surface.draw(emptyMessage, at: Point(column: rect.column + Self.markerWidth, row: rect.row + 1),
                             maxWidth: rect.width - Self.markerWidth, style: .muted)
            }
            return
        }
        for (offset, index) in state.visibleRows(rowCount: rowCount, pageSize: pageSize).enumerated() {
            drawRow(dataSource.row(at: index), selected: index == state.selection,
                    on: surface, in: rect.row(offset + 1), placed: placed)
        }
    }

    private func drawHeader(on surface: some Surface, in line: Rect, placed: [PlacedColumn]) {
        surface.fill(line, style: .header)
        for place in placed {
            let column = columns[place.index]
            var title = column.title
            if let sort, sort.column == place.index {
                let marker = sort.ascending ? " ▲" : " ▼"
                title = column.title.truncatedWithEllipsis(toWidth: max(0, place.width - marker.displayWidth)) + marker
            }
            surface.draw(title, at: Point(column: line.column + place.column, row: line.row),
                         width: place.width, style: .header, alignment: column.alignment)
        }
    }

    private func drawRow(_ row: TableRow, selected: Bool, on surface: some Surface, in line: Rect, placed: [PlacedColumn]) {
        let rowStyle: Style = selected ? .selected : (row.isMarked ? .marked : .normal)
        surface.fill(line, style: rowStyle)
        // A marked row keeps its `*` when selected: reverse video still shows the selection.
        let marker = row.isMarked ? "*" : (selected ? ">" : " ")
        surface.draw(marker, at: line.origin, style: rowStyle)
        for place in placed {
            let text = place.index < row.cells.count ? row.cells[place.index] : ""
            let style = selected ? rowStyle : (row.cellStyles[place.index] ?? rowStyle)
            surface.draw(text, at: Point(column: line.column + place.column, row: line.row),
                         width: place.width, style: style, alignment: columns[place.index].alignment)
        }
    }
}
