/// A cell position: column from the left, row from the top, both from 0.
package struct Point: Hashable, Sendable {
    package var column: Int
    package var row: Int

    package init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }
}

/// A rectangle of cells on a surface.
package struct Rect: Hashable, Sendable {
    package var column: Int
    package var row: Int
    package var width: Int
    package var height: Int

    package init(column: Int, row: Int, width: Int, height: Int) {
        self.column = column
        self.row = row
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The whole of a surface or terminal of `size`.
    package init(size: TerminalSize) {
        self.init(column: 0, row: 0, width: size.columns, height: size.rows)
    }

    package var origin: Point { Point(column: column, row: row) }
    package var maxColumn: Int { column + width }
    package var maxRow: Int { row + height }
    package var isEmpty: Bool { width == 0 || height == 0 }

    /// The rectangle shrunk by `dx` columns on both sides and `dy` rows at top and bottom.
    package func insetBy(dx: Int, dy: Int) -> Rect {
        Rect(column: column + dx, row: row + dy, width: width - 2 * dx, height: height - 2 * dy)
    }

    /// A rectangle of at most `width` x `height` centred in this one.
    package func centered(width: Int, height: Int) -> Rect {
        let w = min(width, self.width)
        let h = min(height, self.height)
        return Rect(column: column + (self.width - w) / 2, row: row + (self.height - h) / 2, width: w, height: h)
    }

    /// Row `index` of this rectangle as a one-row rectangle.
    package func row(_ index: Int) -> Rect {
        Rect(column: column, row: row + index, width: width, height: index < height ? 1 : 0)
    }
}
