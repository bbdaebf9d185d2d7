/// Something widgets draw on: a grid of cells and where the terminal cursor should be.
///
/// All drawing goes through the methods in the extension below, which sanitise text on
/// the way in; there is no way to put raw text into a cell.
package protocol Surface: AnyObject {
    var grid: CellGrid { get set }
    /// Where the terminal cursor is shown (a focused text field), or nil to hide it.
    var cursor: Point? { get set }
}

/// How text shorter than its space is placed in it.
package enum TextAlignment: Sendable {
    case leading, trailing, center
}

extension Surface {
    package var size: TerminalSize { grid.size }
    package var bounds: Rect { Rect(size: grid.size) }

    /// Blanks every cell and hides the cursor: the start of a frame.
    package func clear() {
        grid.clear()
        cursor = nil
    }

    /// Fills `rect` with blanks in `style` (a selected row's background, a dialog).
    package func fill(_ rect: Rect, style: Style = .normal) {
        for row in rect.row..<rect.maxRow {
            for column in rect.column..<rect.maxColumn {
                grid.put(.space, column: column, row: row, style: style)
            }
        }
    }

    /// Draws the visible form of `text` from `point`, cut at `maxWidth` cells (or at the
    /// right edge). Returns the number of cells used.
    @discardableResult
    package func draw(_ text: String, at point: Point, maxWidth: Int? = nil, style: Style = .normal) -> Int {
        let limit = min(maxWidth ?? Int.max, size.columns - point.column)
        return put(String.fit(VisibleText.clusters(text), width: limit), at: point, style: style)
    }

    /// Draws `text` into exactly `width` cells: cut with `…` when too long (or plainly cut
    /// when `ellipsis` is false), aligned and padded with blanks in `style` when short.
    package func draw(_ text: String, at point: Point, width: Int, style: Style = .normal,
                     alignment: TextAlignment = .leading, ellipsis: Bool = true) {
        guard width > 0 else { return }
        let shown = ellipsis ? text.truncatedWithEllipsis(toWidth: width) : text.truncated(toWidth: width)
        let clusters = VisibleText.clusters(shown)
        let used = clusters.reduce(0) { $0 + $1.width }
        let lead: Int
        switch alignment {
        case .leading: lead = 0
        case .trailing: lead = width - used
        case .center: lead = (width - used) / 2
        }
        fill(Rect(column: point.column, row: point.row, width: width, height: 1), style: style)
        put(clusters, at: Point(column: point.column + lead, row: point.row), style: style)
    }

    /// A horizontal rule, optionally with a title after two rule characters
    /// (`── Ports ─────`), as the detail screen's section headers.
    package func drawRule(at point: Point, width: Int, title: String? = nil, style: Style = .border) {
        guard width > 0 else { return }
        draw(String(repeating: "─", count: width), at: point, maxWidth: width, style: style)
        if let title, width > 4 {
            draw(" " + title + " ", at: Point(column: point.column + 2, row: point.row), maxWidth: width - 4, style: .header)
        }
    }

    /// A single-line frame around `rect`, with `title` in the top edge.
    package func drawBox(_ rect: Rect, title: String? = nil, style: Style = .border) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let inner = rect.width - 2
        let horizontal = String(repeating: "─", count: inner)
        draw("┌" + horizontal + "┐", at: rect.origin, style: style)
        for row in (rect.row + 1)..<(rect.maxRow - 1) {
            draw("│", at: Point(column: rect.column, row: row), style: style)
            draw("│", at: Point(column: rect.maxColumn - 1, row: row), style: style)
        }
        draw("└" + horizontal + "┘", at: Point(column: rect.column, row: rect.maxRow - 1), style: style)
        if let title, inner > 2 {
            draw(" " + title + " ", at: Point(column: rect.column + 2, row: rect.row), maxWidth: inner - 2, style: .header)
        }
    }

    @discardableResult
    private func put(_ clusters: [DisplayCluster], at point: Point, style: Style) -> Int {
        var column = point.column
        for cluster in clusters {
            grid.put(cluster, column: column, row: point.row, style: style)
            column += cluster.width
        }
        return column - point.column
    }
}
