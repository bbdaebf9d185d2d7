/// A table column: a header and how much room it wants.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    /// Cells wanted when there is room.
    public var width: Int
    /// Below this the column is dropped rather than squeezed (only the last column shown
    /// is ever squeezed).
    public var minWidth: Int
    public var alignment: TextAlignment

    public init(_ title: String, width: Int, minWidth: Int? = nil, alignment: TextAlignment = .leading) {
        self.title = title
        self.width = width
        self.minWidth = min(minWidth ?? width, width)
        self.alignment = alignment
    }
}

/// Which column the rows are sorted by, shown as ▲ or ▼ in its header.
public struct TableSort: Hashable, Sendable {
    public var column: Int
    public var ascending: Bool

    public init(column: Int, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }
}

/// One row as the table shows it.
public struct TableRow: Hashable, Sendable {
    public var cells: [String]
    /// Marked for a bulk action: `*` in the first column.
    public var isMarked: Bool
    /// Styles for single cells (a `0/0` backends count as a warning), by column index.
    /// The selection's style wins over them.
    public var cellStyles: [Int: Style]

    public init(_ cells: [String], isMarked: Bool = false, cellStyles: [Int: Style] = [:]) {
        self.cells = cells
        self.isMarked = isMarked
        self.cellStyles = cellStyles
    }
}

/// Where a table gets its rows. It is asked only for the rows on screen, so a long list
/// costs nothing to render.
public protocol TableDataSource {
    var rowCount: Int { get }
    func row(at index: Int) -> TableRow
}
