import Foundation
import ServiceModel
import ServiceStore
import TerminalUI

extension AppState {
    mutating func handleKey(_ key: Key) -> [AppEffect] {
        if key == .ctrl("c") { return [.quit] }
        if key == .resize { return [] }
        if let overlay {
            if let effects = handleWizardOverlayKey(key, overlay) { return effects }
            if let effects = handleFileOverlayKey(key, overlay) { return effects }
            return handleOverlayKey(key, overlay)
        }
        if case .wizard(var wizard) = screen { return handleWizardKey(key, &wizard) }
        if case .editor(var editor) = screen { return handleEditorKey(key, &editor) }
        if var input = filterInput { return handleFilterKey(key, &input) }
        // An error or warning stays until dismissed or replaced: Esc dismisses it first.
        // Information ("Created service x.") does not hold up Esc.
        if key == .escape, let shown = status {
            status = nil
            if shown.severity != .info { return [] }
        }
        guard let action = KeyMap.action(for: key, in: keyTable) else { return [] }
        switch screen {
        case .list: return handleListAction(action)
        case .detail(var detail):
            let effects = handleDetailAction(action, &detail)
            if case .detail = screen { screen = .detail(detail) }
            return effects
        case .wizard, .editor:
            return []
        }
    }

    // MARK: Global

    private mutating func handleGlobal(_ action: AppAction) -> [AppEffect] {
        switch action {
        case .help: overlay = .help
        case .messages: overlay = .messages
        case .command: overlay = .command(TextField())
        case .quit, .quitNow: return [.quit]
        case .suspend: return [.suspend]
        case .redraw: return [.redraw]
        default: break
        }
        return []
    }

    // MARK: List

    private mutating func handleListAction(_ action: AppAction) -> [AppEffect] {
        switch action {
        case .up: list.move(by: -1)
        case .down: list.move(by: 1)
        case .pageUp: list.move(by: -listBodyHeight)
        case .pageDown: list.move(by: listBodyHeight)
        case .top: list.moveToTop()
        case .bottom: list.moveToBottom()
        case .open:
            guard let row = list.selected else { return [] }
            screen = .detail(DetailState(namespace: row.namespace, name: row.name))
            return [.loadDetail(namespace: row.namespace, name: row.name)]
        case .filter:
            filterInput = TextField(list.filter.text)
        case .back:
            if !list.filter.isEmpty { list.setFilter("") }
        case .sortNext:
            let columns = visibleSortColumns
            let index = columns.firstIndex(of: list.sortColumn).map { ($0 + 1) % columns.count } ?? 0
            list.sort(by: columns[index], ascending: true)
        case .sortReverse:
            list.reverseOrder()
        case .namespace:
            let names = namespaceChoices
            let current: Int
            switch scope {
            case .all: current = 0
            case .named(let name): current = names.firstIndex(of: name) ?? 0
            }
            overlay = .namespaces(selection: current)
            return [.loadNamespaces]
        case .refresh:
            return [.loadServices(scope), .loadNamespaces]
        case .mark:
            list.toggleMark()
            list.move(by: 1)
        case .delete:
            let (targets, hidden) = list.deletionTargets()
            guard !targets.isEmpty else { return [] }
            overlay = .confirmDelete(DeleteConfirmation(targets: targets.map(DeletionTarget.init(row:)), hiddenByFilter: hidden))
        case .export:
            guard let row = list.selected else { return [] }
            overlay = .export(TextField(exportFolder), namespace: row.namespace, name: row.name)
        case .create:
            return [.checkDraft]
        case .editText:
            guard let row = list.selected else { return [] }
            return [.loadForText(namespace: row.namespace, name: row.name)]
        case .importFile:
            overlay = .importPrompt(TextField(), candidates: [])
        case .edit:
            guard let row = list.selected else { return [] }
            return [.loadForEdit(namespace: row.namespace, name: row.name, step: nil)]
        default:
            return handleGlobal(action)
        }
        scrollToSelection()
        return []
    }

    /// The columns `s` cycles through: every column the list can show.
    var visibleSortColumns: [ServiceColumn] {
        ServiceColumn.allCases.filter { $0 != .namespace || scope == .all }
    }

    /// The chooser's entries: `all` first, then the backend's namespaces.
    public var namespaceChoices: [String] {
        [text(.allNamespaces)] + namespaces
    }

    private mutating func handleFilterKey(_ key: Key, _ input: inout TextField) -> [AppEffect] {
        switch key {
        case .enter:
            filterInput = nil
        case .escape:
            filterInput = nil
            list.setFilter("")
        case .up, .down, .pageUp, .pageDown:
            if let action = KeyMap.action(for: key, in: keyTable) { _ = handleListAction(action) }
        default:
            if input.handle(key) {
                filterInput = input
                list.setFilter(input.text)
            }
        }
        scrollToSelection()
        return []
    }

    // MARK: Detail

    private mutating func handleDetailAction(_ action: AppAction, _ detail: inout DetailState) -> [AppEffect] {
        switch action {
        case .back:
            screen = .list
        case .up: detail.scroll = max(0, detail.scroll - 1)
        case .down: detail.scroll += 1
        case .pageUp: detail.scroll = max(0, detail.scroll - listBodyHeight)
        case .pageDown: detail.scroll += listBodyHeight
        case .top: detail.scroll = 0
        case .bottom: detail.scroll = Int.max / 2
        case .refresh:
            return [.loadDetail(namespace: detail.namespace, name: detail.name)]
        case .delete:
            // What the screen shows is what the delete expects; before it loaded, the row
            // the user opened it from.
            let row = list.rows.first { $0.namespace == detail.namespace && $0.name == detail.name }
            guard let target = detail.data.map({ DeletionTarget(stored: $0.stored) }) ?? row.map(DeletionTarget.init(row:)) else {
                post(StatusMessage(text(.loading)))
                return []
            }
            overlay = .confirmDelete(DeleteConfirmation(targets: [target], hiddenByFilter: 0))
        case .export:
            overlay = .export(TextField(exportFolder), namespace: detail.namespace, name: detail.name)
        case .editText:
            return [.loadForText(namespace: detail.namespace, name: detail.name)]
        case .edit:
            if let stored = detail.data?.stored {
                let headless = ServiceKind(spec: stored.manifest["spec"]) != .virtualIP
                overlay = .editChooser(DeletionTarget(namespace: detail.namespace, name: detail.name), selection: 0, headless: headless)
                return []
            }
            return [.loadForEdit(namespace: detail.namespace, name: detail.name, step: nil)]
        default:
            return handleGlobal(action)
        }
        clampScroll(&detail)
        return []
    }

    /// Keeps the detail scroll within its content, so Up after a long Down moves at once.
    private func clampScroll(_ detail: inout DetailState) {
        guard let data = detail.data else {
            detail.scroll = 0
            return
        }
        let sections = ServiceDetailContent.sections(for: data.stored, backends: data.backends, events: data.events, text: text, now: Date())
        let lines = DetailView.layout(sections, width: size.columns).count
        detail.scroll = max(0, min(detail.scroll, lines - (size.rows - 3)))
    }

    // MARK: Overlays

    private mutating func handleOverlayKey(_ key: Key, _ current: Overlay) -> [AppEffect] {
        switch current {
        case .help, .messages:
            if key == .escape || key == .character("q") || key == .character("?") || key == .enter || key == .character("!") {
                overlay = nil
            }
            return []
        case .namespaces(var selection):
            let count = namespaceChoices.count
            switch key {
            case .escape, .character("q"): overlay = nil
            case .up, .character("k"): selection = max(0, selection - 1)
            case .down, .character("j"): selection = min(count - 1, selection + 1)
            case .enter:
                overlay = nil
                return switchNamespace(to: selection == 0 ? .all : .named(namespaceChoices[selection]))
            default: break
            }
            if overlay != nil { overlay = .namespaces(selection: selection) }
            return []
        case .command(var input):
            switch key {
            case .escape: overlay = nil
            case .enter:
                overlay = nil
                return runCommand(input.text)
            default:
                if input.handle(key) { overlay = .command(input) }
            }
            return []
        case .leaveWizard, .resumeDraft, .workloadPicker, .editChooser, .diff, .conflict, .importPrompt, .importChooser,
             .confirmOverwrite:
            return []
        case .deleteRefused(let refusal):
            return handleDeleteRefusalKey(key, refusal)
        case .confirmDelete(var confirmation):
            switch key {
            case .escape:
                overlay = nil
            case .ctrl("d"):
                overlay = nil
                return [.delete(confirmation.targets)]
            case .enter:
                let names = confirmation.targets.map(\.name)
                if confirmation.typed.text == names.joined(separator: " ") || (names.count > 1 && confirmation.typed.text == "\(names.count)") {
                    overlay = nil
                    return [.delete(confirmation.targets)]
                }
            default:
                if confirmation.typed.handle(key) { overlay = .confirmDelete(confirmation) }
            }
            return []
        case let .export(input, namespace, name):
            var input = input
            switch key {
            case .escape: overlay = nil
            case .enter:
                overlay = nil
                let folder = input.text.isEmpty ? "." : input.text
                exportFolder = folder
                return [.export(namespace: namespace, name: name, target: folder, overwrite: false)]
            default:
                if input.handle(key) { overlay = .export(input, namespace: namespace, name: name) }
            }
            return []
        }
    }

    /// `:ns NAME`, `:ns all`, `:q`.
    private mutating func runCommand(_ line: String) -> [AppEffect] {
        let words = line.split(separator: " ").map(String.init)
        switch words.first {
        case "q", "q!", "quit": return [.quit]
        case "ns", "namespace":
            guard words.count == 2 else { break }
            return switchNamespace(to: words[1] == "all" ? .all : .named(words[1]))
        case "ctx", "context":
            guard words.count == 2 else { break }
            guard backend.kind == .cluster else {
                post(StatusMessage(text(.contextNeedsCluster), severity: .warning))
                return []
            }
            return [.switchContext(words[1])]
        default: break
        }
        post(StatusMessage(text(.unknownCommand, line), severity: .warning))
        return []
    }
}
