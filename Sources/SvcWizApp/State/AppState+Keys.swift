#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel
import ServiceStore
import TerminalUI

extension AppState {
    /// A key goes to the overlay in front, else to the screen; what they ask for becomes
    /// state changes and effects here.
    mutating func handleKey(_ key: Key) -> [AppEffect] {
        if key == .ctrl("c") { return [.quit] }
        if key == .resize { return [] }
        if var current = overlay {
            let commands = current.handle(key, choices: overlayChoiceCount, workloads: pickerWorkloads, text: text)
            overlay = current
            return commands.reduce(into: []) { effects, command in effects += apply(command) }
        }
        if case .wizard(var wizard) = screen { return handleWizardKey(key, &wizard) }
        if case .editor(var editor) = screen { return handleEditorKey(key, &editor) }
        if list.filterInput != nil {
            list.handleFilterKey(key, pageSize: listBodyHeight)
            return []
        }
        // An error or warning stays until dismissed or replaced: Esc dismisses it first.
        // Information ("Created service x.") does not hold up Esc.
        if key == .escape, let shown = status {
            status = nil
            if shown.severity != .info { return [] }
        }
        guard let action = KeyMap.action(for: key, in: keyTable) else { return [] }
        let commands: [ScreenCommand]
        switch screen {
        case .list:
            commands = list.handle(action, pageSize: listBodyHeight, allNamespaces: scope == .all)
        case .detail(var detail):
            commands = detail.handle(action, size: size, text: text)
            screen = .detail(detail)
        case .wizard, .editor:
            return []
        }
        return commands.reduce(into: []) { effects, command in effects += apply(command) }
    }

    /// How many entries the chooser in front has now.
    private var overlayChoiceCount: Int {
        switch overlay {
        case .namespaces?: return namespaceChoices.count
        default: return 0
        }
    }

    /// The workload picker's entries: the wizard's namespace's workloads, once listed.
    private var pickerWorkloads: [Workload] {
        guard case .wizard(let wizard) = screen else { return [] }
        return wizard.workloads ?? []
    }

    // MARK: Screens

    private mutating func apply(_ command: ScreenCommand) -> [AppEffect] {
        switch command {
        case .openDetail(let service):
            screen = .detail(DetailScreen(service))
            return [.loadDetail(service)]
        case .backToList:
            screen = .list
        case .chooseNamespace:
            let current: Int
            switch scope {
            case .all: current = 0
            case .named(let name): current = namespaceChoices.firstIndex(of: name) ?? 0
            }
            overlay = .namespaces(Chooser(selection: current))
            return [.loadNamespaces]
        case .reloadList: return [.loadServices(scope), .loadNamespaces]
        case .reloadDetail(let service): return [.loadDetail(service)]
        case let .confirmDelete(targets, hidden):
            overlay = .confirmDelete(DeleteConfirmation(targets: targets, hiddenByFilter: hidden))
        case .confirmDeleteOfRow(let service):
            guard let row = list.services.rows.first(where: { $0.hasID(service) }) else {
                post(StatusMessage(text(.loading)))
                return []
            }
            overlay = .confirmDelete(DeleteConfirmation(targets: [DeletionTarget(row: row)], hiddenByFilter: 0))
        case .export(let service): overlay = .export(Prompt(choices.exportFolder), service)
        case .create: return [.checkDraft]
        case .editText(let service): return [.loadForText(service)]
        case .importFile: overlay = .importPrompt(Prompt(), candidates: [])
        case .edit(let service): return [.loadForEdit(service, step: nil)]
        case let .chooseEditStep(service, headless): overlay = .editChooser(EditChooser(service: service, headless: headless))
        case .copy(let copied):
            guard choices.clipboard else {
                post(StatusMessage(text(.copyByHand, copied)))
                overlay = .messages
                return []
            }
            post(StatusMessage(text(.copied, copied)))
            return [.copyToClipboard(copied)]
        case .nothingToCopy: post(StatusMessage(text(.nothingToCopy), severity: .warning))
        case .global(let action): return handleGlobal(action)
        }
        return []
    }

    private mutating func handleGlobal(_ action: AppAction) -> [AppEffect] {
        switch action {
        case .help: overlay = .help
        case .messages: overlay = .messages
        case .command: overlay = .command(Prompt())
        case .quit, .quitNow: return [.quit]
        case .suspend: return [.suspend]
        case .redraw: return [.redraw]
        default: break
        }
        return []
    }

    // MARK: Overlays

    private mutating func apply(_ command: OverlayCommand) -> [AppEffect] {
        switch command {
        case .close: overlay = nil
        case .chooseNamespace(let index): return switchNamespace(to: index == 0 ? .all : .named(namespaceChoices[index]))
        case .runCommand(let line): return runCommand(line)
        case .delete(let targets): return [.delete(targets)]
        case .lookAgain(let service):
            screen = .detail(DetailScreen(service))
            return [.loadDetail(service)]
        case let .export(service, folder):
            choices.exportFolder = folder
            return [.export(service, target: folder, overwrite: false)]
        case let .overwrite(path, service): return [.export(service, target: path, overwrite: true)]
        case .completePath(let input): return [.completePath(input)]
        case .importFile(let path): return [.importFile(path)]
        case .importService(let manifest): return openImported(manifest)
        case let .edit(service, step): return [.loadForEdit(service, step: step)]
        case .leaveWizard, .resume, .startFresh, .pickWorkloads, .saveEdit, .reload:
            return applyWizardOverlay(command)
        }
        return []
    }

    /// `:ns NAME`, `:ns all`, `:ctx NAME`, `:q`.
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
