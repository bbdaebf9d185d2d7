import Foundation
import ServiceModel
import TerminalUI

/// Draws the service list: the header with the sort marker, then only the rows that are
/// on screen (the list may hold 100,000).
enum ListView {
    static func draw(_ state: AppState, on surface: Surface, in rect: Rect, now: Date) {
        let body = Rect(column: rect.column, row: rect.row + 1, width: rect.width, height: rect.height - 1)
        let first = min(state.list.scroll, state.list.services.visible.count)
        let positions = first..<min(state.list.services.visible.count, first + max(0, body.height))
        let columns = ListColumnLayout.order(showNamespace: state.scope == .all)
        // Each cell of the rows on screen is made once: measured for the layout, then drawn.
        let cells = positions.map { position in
            let row = state.list.services.row(at: position)
            return columns.map { cell($0, of: row, language: state.text.language, now: now) }
        }
        let headers = columns.map { headerTitle($0, state) }
        let layout = ListColumnLayout(width: rect.width, demands: ListColumnLayout.demands(columns, headers: headers, cells: cells))
        drawHeader(state, layout, on: surface, row: rect.row, column: rect.column)
        guard state.list.loaded || !state.list.services.rows.isEmpty else {
            // A first list that failed says why, and that it is being retried.
            let (message, style): (String, Style) = state.list.error.map { ("! " + $0, .error) } ?? (state.text(.loading), .muted)
            surface.draw(message, at: Point(column: body.column + 1, row: body.row), width: body.width - 1, style: style)
            return
        }
        if state.list.rowsWithheld, let progress = state.list.progress {
            let column = state.text(ListColumnLayout.headerKey(state.list.services.sortColumn))
            let message = state.text(.sortWaitsForAll, column, LoadCount.grouped(progress.loaded), LoadCount.grouped(progress.expected))
            surface.draw(message, at: Point(column: body.column + 1, row: body.row), width: body.width - 1, style: .muted)
            return
        }
        if state.list.services.visible.isEmpty {
            let message = state.list.services.rows.isEmpty
                ? state.text(.noServices, namespaceName(state))
                : state.text(.noMatches, state.list.services.filter.text)
            surface.draw(message, at: Point(column: body.column + 1, row: body.row), width: body.width - 1, style: .muted)
            return
        }
        for (i, position) in positions.enumerated() {
            drawRow(state, layout, position: position, cells: cells[i], on: surface,
                    at: Point(column: body.column, row: body.row + position - state.list.scroll))
        }
    }

    /// A row's cell as the list shows it: ages no finer than minutes, which the once-a-minute
    /// redraw keeps true (the command line's table says seconds, as kubectl does).
    static func cell(_ column: ServiceColumn, of row: ServiceSummary, language: Language, now: Date) -> String {
        guard column == .age, let created = row.created else { return ServiceRow.cell(column, of: row, language: language, now: now) }
        return ServiceRow.minuteAge(since: created, now: now)
    }

    static func namespaceName(_ state: AppState) -> String {
        switch state.scope {
        case .all: return state.text(.allNamespaces)
        case .named(let name): return name
        }
    }

    private static func drawHeader(_ state: AppState, _ layout: ListColumnLayout, on surface: Surface, row: Int, column: Int) {
        var x = column + ListColumnLayout.markerWidth
        surface.draw(" ", at: Point(column: column, row: row), width: ListColumnLayout.markerWidth, style: .header)
        for (i, entry) in layout.columns.enumerated() {
            let title = headerTitle(entry.column, width: entry.width, state)
            x = drawCell(title, width: entry.width, last: i == layout.columns.count - 1, on: surface,
                         at: Point(column: x, row: row), style: .header)
        }
        if x < surface.size.columns {
            surface.draw("", at: Point(column: x, row: row), width: surface.size.columns - x, style: .header)
        }
    }

    /// A column's header with the sort marker, for a column of `width` cells (BACKENDS
    /// shortens); unbounded, the widest it asks for.
    private static func headerTitle(_ column: ServiceColumn, width: Int = .max, _ state: AppState) -> String {
        let title = ListColumnLayout.header(column, width: width, text: state.text)
        guard column == state.list.services.sortColumn else { return title }
        return title + (state.list.services.ascending ? " ▲" : " ▼")
    }

    private static func drawRow(_ state: AppState, _ layout: ListColumnLayout, position: Int, cells: [String], on surface: Surface,
                                at point: Point) {
        let row = state.list.services.row(at: position)
        let selected = position == state.list.services.selection
        let marked = state.list.services.isMarked(row)
        let rowStyle: Style = marked ? .marked : .normal
        // The selection is the `>` marker and the NAME cell, not the whole row: a move then
        // repaints two names instead of two full rows (every cell whose look changes must be
        // sent to the terminal again).
        let selectionStyle: Style = selected ? .selected : rowStyle
        let marker = marked ? "*" : (selected ? ">" : " ")
        surface.draw(marker, at: point, width: ListColumnLayout.markerWidth, style: selectionStyle)
        var x = point.column + ListColumnLayout.markerWidth
        for (i, entry) in layout.columns.enumerated() {
            let text = cells[i]
            let style = entry.column == .name ? selectionStyle : rowStyle
            x = drawCell(text, width: entry.width, last: i == layout.columns.count - 1, on: surface,
                         at: Point(column: x, row: point.row), style: cellStyle(entry.column, row, base: style), gapStyle: rowStyle)
        }
    }

    /// One cell and the gap after it; returns the column after both.
    private static func drawCell(_ text: String, width: Int, last: Bool, on surface: Surface, at point: Point,
                                 style: Style, gapStyle: Style? = nil) -> Int {
        surface.draw(text, at: point, width: width, style: style)
        guard !last else { return point.column + width }
        surface.draw("", at: Point(column: point.column + width, row: point.row), width: ListColumnLayout.gap, style: gapStyle ?? style)
        return point.column + width + ListColumnLayout.gap
    }

    /// A backends cell with nothing behind it is a warning, unless the row is selected.
    private static func cellStyle(_ column: ServiceColumn, _ row: ServiceSummary, base: Style) -> Style {
        guard base == .normal, column == .backends, row.kind != .headlessExternalName else { return base }
        if let count = row.backends, count.total > 0, count.ready == count.total { return base }
        return .warning
    }
}
