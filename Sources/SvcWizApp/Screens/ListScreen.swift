import Foundation
import ServiceModel
import TerminalUI

/// The service list screen: its rows (filtered, sorted, selected, marked), whether the
/// first list arrived, the backend's last failure while older rows stay on screen, the
/// filter prompt, the first row on screen, and the namespaces for the chooser.
package struct ListScreen: Sendable {
    package var services = ServiceListModel()
    /// True once the first list of the current scope arrived.
    package var loaded = false
    package var error: String?
    package var lastUpdated: Date?
    /// The filter prompt while it is open (`/`); the filter itself lives in `services`.
    package var filterInput: Prompt?
    /// The first row on screen.
    package var scroll = 0
    /// The backend's namespaces, for the chooser.
    package var namespaces: [String] = []
    /// While a long first list arrives page by page (`StoreEvent.loading`); nil once it is whole.
    package var progress: LoadProgress?

    /// The rows of a list that is still arriving, and about how many it will hold.
    package struct LoadProgress: Sendable, Hashable {
        package var loaded: Int
        package var expected: Int
        /// The rows arrive in NAME order (one namespace): the loaded ones are the first
        /// rows of the NAME-ascending list.
        package var nameOrdered: Bool
    }

    /// Whether the rows stay hidden until the list is whole: the loaded rows are not the
    /// first rows of the chosen order, so showing them would show the wrong services.
    package var rowsWithheld: Bool {
        guard let progress else { return false }
        return !(progress.nameOrdered && services.sortColumn == .name && services.ascending)
    }

    package init() {}

    /// Another scope: no rows until its first list arrives.
    mutating func reset() {
        services = ServiceListModel()
        loaded = false
        progress = nil
        error = nil
        scroll = 0
    }

    /// Rows arrived: a whole list, or a watch's reset.
    mutating func replaceRows(_ rows: [ServiceSummary], pageSize: Int) {
        services.replaceRows(rows)
        loaded = true
        progress = nil
        scrollToSelection(pageSize: pageSize)
    }

    /// The first pages of a long first list; `nameOrdered` when they come in NAME order.
    mutating func showLoading(_ rows: [ServiceSummary], expected: Int, nameOrdered: Bool, pageSize: Int) {
        services.replaceRows(rows)
        progress = LoadProgress(loaded: rows.count, expected: max(expected, rows.count), nameOrdered: nameOrdered)
        scrollToSelection(pageSize: pageSize)
    }

    /// Keeps the selected row inside the `pageSize` rows on screen.
    mutating func scrollToSelection(pageSize: Int) {
        let selection = services.selection
        if selection < scroll { scroll = selection }
        if selection >= scroll + pageSize { scroll = selection - pageSize + 1 }
        scroll = max(0, min(scroll, max(0, services.visible.count - pageSize)))
    }

    /// A list action; `pageSize` is the rows on screen, `allNamespaces` whether the
    /// namespace column shows (and so can be sorted by).
    mutating func handle(_ action: AppAction, pageSize: Int, allNamespaces: Bool) -> [ScreenCommand] {
        // Hidden rows are not acted on: the selection is a service the user cannot see.
        if rowsWithheld, [.open, .delete, .export, .editText, .edit, .mark].contains(action) { return [] }
        if let command = command(for: action) { return command }
        switch action {
        case .up: services.move(by: -1)
        case .down: services.move(by: 1)
        case .pageUp: services.move(by: -pageSize)
        case .pageDown: services.move(by: pageSize)
        case .top: services.moveToTop()
        case .bottom: services.moveToBottom()
        case .filter: filterInput = Prompt(services.filter.text)
        case .back: if !services.filter.isEmpty { services.setFilter("") }
        case .sortNext:
            let columns = Self.sortColumns(allNamespaces: allNamespaces)
            let index = columns.firstIndex(of: services.sortColumn).map { ($0 + 1) % columns.count } ?? 0
            services.sort(by: columns[index], ascending: true)
        case .sortReverse: services.reverseOrder()
        case .mark:
            services.toggleMark()
            services.move(by: 1)
        default: return [.global(action)]
        }
        scrollToSelection(pageSize: pageSize)
        return []
    }

    /// The actions that leave the list as it is and ask the app for something.
    private func command(for action: AppAction) -> [ScreenCommand]? {
        let selected = services.selected?.id
        switch action {
        case .open: return selected.map { [.openDetail($0)] } ?? []
        case .namespace: return [.chooseNamespace]
        case .refresh: return [.reloadList]
        case .delete:
            let (targets, hidden) = services.deletionTargets()
            return targets.isEmpty ? [] : [.confirmDelete(targets.map(DeletionTarget.init(row:)), hiddenByFilter: hidden)]
        case .export: return selected.map { [.export($0)] } ?? []
        case .create: return [.create]
        case .editText: return selected.map { [.editText($0)] } ?? []
        case .importFile: return [.importFile]
        case .edit: return selected.map { [.edit($0)] } ?? []
        default: return nil
        }
    }

    /// A key while the filter prompt is open: typing narrows the list at once, Enter keeps
    /// the filter, Esc clears it, and the list's moves still move.
    mutating func handleFilterKey(_ key: Key, pageSize: Int) {
        guard var input = filterInput else { return }
        switch input.handle(key) {
        case .submitted:
            filterInput = nil
        case .cancelled:
            filterInput = nil
            services.setFilter("")
        case .edited:
            filterInput = input
            services.setFilter(input.text)
        case .ignored, .complete:
            if let action = KeyMap.action(for: key, in: KeyMap.movement, global: []) {
                _ = handle(action, pageSize: pageSize, allNamespaces: false)
            }
        }
        scrollToSelection(pageSize: pageSize)
    }

    /// The columns `s` cycles through: every column the list can show.
    static func sortColumns(allNamespaces: Bool) -> [ServiceColumn] {
        ServiceColumn.allCases.filter { $0 != .namespace || allNamespaces }
    }
}
