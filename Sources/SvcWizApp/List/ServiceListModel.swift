import ServiceModel

/// The rows of the service list: every summary, the filtered and sorted view of them, the
/// selection and the marks. Changes keep the selection on the same service where it can,
/// so live updates never move the cursor under the user.
package struct ServiceListModel: Sendable {
    package private(set) var rows: [ServiceSummary] = []
    private var search = ServiceSearchText()
    private var sortTable = ServiceSortTable([])
    /// Indices into `rows`, filtered and sorted: what the table shows.
    package private(set) var visible: [Int] = []
    /// Every index into `rows` in the current order; `visible` is this, filtered. Kept so a
    /// filter change never has to sort again.
    private var ordered: [Int] = []
    package private(set) var filter = ServiceFilter("")
    package private(set) var sortColumn: ServiceColumn = .name
    package private(set) var ascending = true
    /// The position in `visible` of the selected row.
    package private(set) var selection = 0
    /// Marked services: ids survive filtering and reloads.
    package private(set) var marks: Set<ServiceID> = []

    package init() {}

    package var selected: ServiceSummary? {
        visible.indices.contains(selection) ? rows[visible[selection]] : nil
    }

    package func row(at position: Int) -> ServiceSummary { rows[visible[position]] }

    // MARK: Data

    /// Replaces every row (a reload or relist), keeping the selection on the same service.
    package mutating func replaceRows(_ newRows: [ServiceSummary]) {
        let selectedID = selected?.id
        rows = newRows
        search = ServiceSearchText(newRows)
        sortTable = ServiceSortTable(newRows)
        if !marks.isEmpty {
            let ids = Set(newRows.map(\.id))
            marks = marks.filter { ids.contains($0) }
        }
        reorder()
        refilter()
        reselect(selectedID)
    }

    /// Adds or replaces one service (a watch event).
    package mutating func upsert(_ row: ServiceSummary) {
        let selectedID = selected?.id
        if let index = index(of: row.id) {
            rows[index] = row
            search.replace(at: index, with: row)
            sortTable.replace(at: index, with: row)
        } else {
            rows.append(row)
            search.append(row)
            sortTable.append(row, in: rows)
        }
        reorder()
        refilter()
        reselect(selectedID)
    }

    /// Removes one service (a watch event); the selection stays on its neighbour.
    package mutating func remove(_ id: ServiceID) {
        guard let index = index(of: id) else { return }
        let selectedID = selected?.id
        let position = selection
        rows.remove(at: index)
        search.remove(at: index)
        sortTable.remove(at: index)
        marks.remove(id)
        reorder()
        refilter()
        if selectedID == id {
            selection = min(position, max(0, visible.count - 1))
        } else {
            reselect(selectedID)
        }
    }

    // MARK: Filter and sort

    package mutating func setFilter(_ text: String) {
        let selectedRow = selectedRowIndex
        let newFilter = ServiceFilter(text)
        if filter.isRefined(by: newFilter) {
            // Narrowing: only the rows already shown can still match, in the same order.
            visible = newFilter.apply(to: visible, rows: rows, search: search)
            filter = newFilter
        } else {
            filter = newFilter
            refilter()
        }
        reselect(row: selectedRow)
    }

    /// `s`: sort by the next column; the same column again keeps the direction.
    package mutating func sort(by column: ServiceColumn, ascending: Bool) {
        let selectedRow = selectedRowIndex
        sortColumn = column
        self.ascending = ascending
        reorder()
        refilter()
        reselect(row: selectedRow)
    }

    /// `S`: reverse the order.
    package mutating func reverseOrder() {
        ascending.toggle()
        ordered.reverse()
        visible.reverse()
        if !visible.isEmpty { selection = visible.count - 1 - selection }
    }

    // MARK: Selection and marks

    package mutating func move(by delta: Int) {
        guard !visible.isEmpty else { return }
        selection = min(max(0, selection + delta), visible.count - 1)
    }

    package mutating func moveToTop() { selection = 0 }

    package mutating func moveToBottom() { selection = max(0, visible.count - 1) }

    package mutating func select(_ id: ServiceID) { reselect(id) }

    package mutating func toggleMark() {
        guard let id = selected?.id else { return }
        if marks.contains(id) { marks.remove(id) } else { marks.insert(id) }
    }

    package func isMarked(_ row: ServiceSummary) -> Bool { marks.contains(row.id) }

    /// What a delete acts on: the marked services, else the selected one; and how many of
    /// the marked ones the filter hides, so the confirmation can say so.
    package func deletionTargets() -> (targets: [ServiceSummary], hiddenByFilter: Int) {
        guard !marks.isEmpty else { return (selected.map { [$0] } ?? [], 0) }
        let marked = rows.filter { marks.contains($0.id) }
        let shown = Set(visible.map { rows[$0].id })
        return (marked, marked.filter { !shown.contains($0.id) }.count)
    }

    // MARK: Private

    private var selectedRowIndex: Int? { visible.indices.contains(selection) ? visible[selection] : nil }

    /// The index in `rows` of a service; compares the rows' bytes rather than building ids.
    private func index(of id: ServiceID) -> Int? {
        rows.firstIndex { $0.hasID(id) }
    }

    /// Sorts every row by the current column and direction (after the rows or the order
    /// changed).
    private mutating func reorder() {
        let indices = sortTable.sortedIndices(sortColumn)
        ordered = ascending ? indices : indices.reversed()
    }

    /// Applies the filter to the ordered rows: the same order as sorting the matches.
    private mutating func refilter() {
        visible = filter.isEmpty ? ordered : filter.apply(to: ordered, rows: rows, search: search)
    }

    /// Puts the selection back on a service after the rows changed.
    private mutating func reselect(_ id: ServiceID?) {
        if let id, let position = visible.firstIndex(where: { rows[$0].hasID(id) }) {
            selection = position
            return
        }
        selection = min(selection, max(0, visible.count - 1))
    }

    /// Puts the selection back on a row after the order or the filter changed (the rows
    /// did not): integers compare faster than names.
    private mutating func reselect(row: Int?) {
        if let row, let position = visible.firstIndex(of: row) {
            selection = position
        } else {
            selection = min(selection, max(0, visible.count - 1))
        }
    }
}
